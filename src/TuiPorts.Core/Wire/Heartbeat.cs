using System.Globalization;
using System.Text.Json;

namespace TuiPorts.Core.Wire;

/// <summary>
/// The line <c>tuiports --stream</c> writes when it has written nothing for <see cref="DefaultPeriod"/>:
/// <c>{"heartbeat":{"at":"2026-12-07T12:01:07.1234567+00:00","lastScanMs":12.5}}</c> - the host's clock and how long
/// its last scan took. Silence then always means trouble: the local side marks a host stale after
/// <see cref="StaleAfter"/> without any line.
/// </summary>
public sealed record Heartbeat(DateTimeOffset At, TimeSpan LastScan)
{
    public static readonly TimeSpan DefaultPeriod = Live.RefreshSettings.DefaultHeartbeat;

    /// <summary>Two and a half heartbeats without a line: a frozen stream or a dead link, not a quiet host.</summary>
    public static readonly TimeSpan StaleAfter = DefaultPeriod * 2.5;

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("heartbeat");
        json.WriteString("at", At.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("lastScanMs", Math.Round(LastScan.TotalMilliseconds, 1));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The heartbeat a line's root object carries, or null when it is another kind of line.</summary>
    public static Heartbeat? Read(JsonElement root)
    {
        if (!root.TryGetProperty("heartbeat", out var beat))
        {
            return null;
        }

        try
        {
            var at = DateTimeOffset.Parse(beat.GetProperty("at").GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            double ms = beat.GetProperty("lastScanMs").GetDouble();
            return ms is >= 0 and < 1e9 ? new Heartbeat(at, TimeSpan.FromMilliseconds(ms)) : throw new FormatException("\"lastScanMs\" is out of range");
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException($"not a heartbeat: {e.Message}", e);
        }
    }
}
