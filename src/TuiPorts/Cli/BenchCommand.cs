using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports bench</c>: times, inside this process on this machine, cold snapshots (a new engine each time: full fd
/// walk), warm refreshes (one engine, as the live UI uses it: incremental walk) and a filter keystroke over the
/// resulting rows (filter + sort + lay out one screen), and prints medians with the counts it saw.
/// </summary>
public sealed class BenchCommand
{
    private readonly Option<int> _iterations = new("--iterations", "-n") { Description = "Samples per measurement (default 15).", DefaultValueFactory = _ => 15 };
    private readonly Option<bool> _json = new("--json") { Description = "Print the results as one JSON object." };

    public Command Build(QueryOptions query, TextWriter output, TextWriter error)
    {
        var command = new Command("bench", "Time cold snapshots, warm refreshes and a filter keystroke here, in-process (medians, ms).") { _iterations, _json };
        command.Options.Add(query.ProcRoot);
        command.SetAction(result =>
        {
            int n = result.GetValue(_iterations);
            if (n is < 1 or > 10_000)
            {
                return CommandLineInterface.UsageError(error, "--iterations must be between 1 and 10000");
            }

            var report = Run(query.ProcRootOf(result), n);
            output.WriteLine(result.GetValue(_json) ? report.ToJson() : report.ToText());
            return ExitCodes.Ok;
        });
        return command;
    }

    public static BenchReport Run(ProcRoot root, int iterations)
    {
        var cold = new List<double>();
        Snapshot last = Snapshot.Empty;
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            last = new ProcSnapshotSource(root).Take();
            cold.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // warm refreshes as the live view takes them: one second apart on the engine's clock, the default full-walk
        // period, so the stage means include the periodic walk's share
        var clock = new RefreshClock();
        var live = new ProcSnapshotSource(root, clock);
        live.Take();
        var stages = new BenchStageProfile();
        var warm = new List<double>();
        var walked = new List<double>();
        var allocated = new List<double>();
        for (int i = 0; i < iterations; i++)
        {
            Thread.Sleep(100); // let the machine move on a little between refreshes, as it does between ticks
            clock.NextRefresh();
            long bytes = GC.GetTotalAllocatedBytes(precise: true); // every thread: the dump runs on a pool thread
            long start = Stopwatch.GetTimestamp();
            last = live.Take();
            warm.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - bytes);
            walked.Add(live.LastScan?.FdsWalked ?? 0);
            stages.Add(live.Stages);
        }

        var apply = MeasureApply(first: new ProcSnapshotSource(root).Take(), second: last, iterations);
        return new BenchReport(iterations, Median(cold), Median(warm), Median(walked), MeasureFilterKeystroke(last, iterations), last.Stats, last.Sockets.Count)
        {
            ApplySnapshotMs = apply,
            WarmAllocatedBytes = Median(allocated),
            WarmMeanMs = warm.Average(),
            WarmMeanAllocatedBytes = allocated.Average(),
            Stages = stages,
        };
    }

    /// <summary>What a changed snapshot costs the UI thread with no filter: diff (new/gone), filter and sort every row.</summary>
    private static double MeasureApply(Snapshot first, Snapshot second, int iterations)
    {
        var state = new SocketListState(RefreshSettings.Default.MarkLifetime);
        var now = Stopwatch.GetElapsedTime(0); // monotonic, like the UI's
        state.ApplySnapshot(first, now);
        var samples = new List<double>();
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            state.ApplySnapshot(i % 2 == 0 ? second : first, now + TimeSpan.FromMilliseconds(i));
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Median(samples);
    }

    /// <summary>What typing one digit costs the UI thread: re-filter, re-sort and lay out a screen of rows.</summary>
    private static double MeasureFilterKeystroke(Snapshot snapshot, int iterations)
    {
        var state = new SocketListState(RefreshSettings.Default.MarkLifetime);
        state.ApplySnapshot(snapshot, Stopwatch.GetElapsedTime(0));
        var samples = new List<double>();
        string[] typed = ["4", "44", "443", "4"];
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var filter = FilterText.Parse(typed[i % typed.Length], ServicesFile.Empty);
            state.SetQuery(filter.ApplyTo(SocketQuery.All));
            var layout = RowLayout.For(120, state.Rows, snapshot);
            for (int row = 0; row < Math.Min(40, state.Rows.Count); row++)
            {
                _ = layout.Format(state.Rows[row], snapshot);
            }

            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Median(samples);
    }

    private static double Median(List<double> values) => BenchMath.Median(values);
}

public sealed record BenchReport(int Iterations, double ColdMs, double WarmMs, double WarmFdsWalked, double FilterKeystrokeMs, ScanStats Stats, int Sockets)
{
    /// <summary>A changed snapshot applied to the UI model (every row diffed, filtered and sorted).</summary>
    public double ApplySnapshotMs { get; init; }

    /// <summary>Bytes allocated by one warm refresh (median; every thread), a load-independent cost measure.</summary>
    public double WarmAllocatedBytes { get; init; }

    /// <summary>Mean of the warm refreshes (the periodic full walk's share included).</summary>
    public double WarmMeanMs { get; init; }

    public double WarmMeanAllocatedBytes { get; init; }

    /// <summary>The warm refreshes stage by stage.</summary>
    public BenchStageProfile? Stages { get; init; }

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            $"sockets {Sockets}, processes {Stats.Processes}, fds {Stats.FdsRead}, socket fds {Stats.SocketFds}, namespaces {Stats.Namespaces}",
            string.Create(c, $"cold snapshot (full fd walk)   median {ColdMs,9:0.00} ms   ({Iterations} runs)"),
            string.Create(c, $"warm refresh (incremental)     median {WarmMs,9:0.00} ms   (median {WarmFdsWalked:0} fds walked, {WarmAllocatedBytes:0} bytes allocated)"),
            string.Create(c, $"warm refresh, 1 s apart        mean   {WarmMeanMs,9:0.00} ms   (mean {WarmMeanAllocatedBytes:0} bytes allocated; periodic full walk included)"),
            "warm refresh by stage:",
            Stages?.ToText() ?? string.Empty,
            string.Create(c, $"filter keystroke (UI model)    median {FilterKeystrokeMs,9:0.00} ms"),
            string.Create(c, $"changed snapshot (UI model)    median {ApplySnapshotMs,9:0.00} ms   (diff, filter, sort every row)"));
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("iterations", Iterations);
            json.WriteNumber("sockets", Sockets);
            json.WriteNumber("processes", Stats.Processes);
            json.WriteNumber("fds", Stats.FdsRead);
            json.WriteNumber("socketFds", Stats.SocketFds);
            json.WriteNumber("coldSnapshotMs", Math.Round(ColdMs, 3));
            json.WriteNumber("warmRefreshMs", Math.Round(WarmMs, 3));
            json.WriteNumber("warmFdsWalked", WarmFdsWalked);
            json.WriteNumber("warmAllocatedBytes", WarmAllocatedBytes);
            json.WriteNumber("filterKeystrokeMs", Math.Round(FilterKeystrokeMs, 3));
            json.WriteNumber("applySnapshotMs", Math.Round(ApplySnapshotMs, 3));
            json.WriteNumber("warmMeanMs", Math.Round(WarmMeanMs, 3));
            json.WriteNumber("warmMeanAllocatedBytes", Math.Round(WarmMeanAllocatedBytes));
            Stages?.WriteJson(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
