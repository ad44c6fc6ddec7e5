using System.Text.Json;

namespace TuiPorts.Core.Wire;

/// <summary>
/// The other end of <see cref="SnapshotStreamWriter"/>: turns each line of one host's <c>tuiports --stream</c> into
/// the host's current snapshot. A line with <c>sockets</c> is a whole snapshot (the first one, or a fresh start); a
/// line with <c>added</c>/<c>changed</c>/<c>removed</c> updates the last one. Anything else - a shell's greeting, half a
/// line, a change before any snapshot - is a <see cref="FormatException"/>, and the snapshot stays as it was. A
/// <see cref="Heartbeat"/> line changes nothing (<see cref="ReadLine"/> returns it).
/// </summary>
public sealed class SnapshotStreamReader(string? host)
{
    private readonly SnapshotJsonReader _reader = new(host);

    public Snapshot? Current { get; private set; }

    /// <summary>The host's snapshot after this line (a heartbeat before the first snapshot is not one).</summary>
    public Snapshot Read(string line) =>
        ReadLine(line).Snapshot ?? throw new FormatException("a heartbeat before the first snapshot");

    /// <summary>One line: a heartbeat (the snapshot unchanged), or data (the new snapshot).</summary>
    public StreamLine ReadLine(string line)
    {
        using var document = SnapshotJsonReader.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("not a JSON object");
        }

        if (Heartbeat.Read(root) is { } heartbeat)
        {
            return new StreamLine(Current, heartbeat);
        }

        Snapshot next;
        if (root.TryGetProperty("sockets", out _))
        {
            next = _reader.ReadSnapshot(root);
        }
        else if (Current is { } current)
        {
            next = StreamDelta.Read(root, _reader).ApplyTo(current);
            _reader.ForgetProcessesNotIn(next);
        }
        else
        {
            throw new FormatException(root.TryGetProperty("added", out _) ? "a change before the first snapshot" : "neither a snapshot nor a change");
        }

        Current = next;
        return new StreamLine(next, null);
    }
}

/// <summary>What one stream line meant: the host's snapshot now, and the heartbeat when that is what the line was.</summary>
public sealed record StreamLine(Snapshot? Snapshot, Heartbeat? Heartbeat)
{
    public bool IsData => Heartbeat is null;
}
