using System.Globalization;
using System.Text.Json;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Cli;

/// <summary>
/// Per-stage milliseconds of the warm refreshes <c>tuiports bench</c> took: the median (a typical refresh) and the
/// mean (what a second of the live view pays on average, the periodic fd walk included).
/// </summary>
public sealed class BenchStageProfile
{
    private readonly Dictionary<string, List<double>> _samples = [];
    private readonly List<string> _order = [];

    public void Add(RefreshStages stages)
    {
        foreach (var (name, ms) in stages.InMilliseconds())
        {
            if (!_samples.TryGetValue(name, out var list))
            {
                list = [];
                _samples[name] = list;
                _order.Add(name);
            }

            list.Add(ms);
        }
    }

    public IEnumerable<(string Name, double Median, double Mean)> Rows =>
        _order.Select(name => (name, BenchMath.Median(_samples[name]), _samples[name].Average()));

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n', Rows.Select(row =>
            string.Create(c, $"  {row.Name,-18} median {row.Median,8:0.000} ms   mean {row.Mean,8:0.000} ms")));
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartArray("warmStages");
        foreach (var (name, median, mean) in Rows)
        {
            json.WriteStartObject();
            json.WriteString("stage", name);
            json.WriteNumber("medianMs", Math.Round(median, 3));
            json.WriteNumber("meanMs", Math.Round(mean, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}

/// <summary>
/// The clock of the bench's warm refreshes: one second passes per refresh, as between the live view's ticks at the
/// default interval, so the periodic full walk comes as often per refresh as it does in the UI (wall time between
/// refreshes is shorter; nothing the engine reads depends on it).
/// </summary>
public sealed class RefreshClock : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private long _ticks;

    public void NextRefresh() => _ticks += TimestampFrequency;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => _start.AddSeconds((double)_ticks / TimestampFrequency);
}

public static class BenchMath
{
    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
