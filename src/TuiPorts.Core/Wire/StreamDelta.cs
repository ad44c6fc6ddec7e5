using System.Globalization;
using System.Text.Json;

namespace TuiPorts.Core.Wire;

/// <summary>
/// What changed between two snapshots of one host, keyed by the socket identity the engine uses everywhere
/// (<see cref="SocketKey"/>): sockets added, sockets whose facts changed (state, queues, holders...) and the keys of
/// sockets that went away, plus the newer scan's time and stats. One line of <c>tuiports --stream</c> after the first.
/// </summary>
public sealed record StreamDelta(
    DateTimeOffset TakenAt,
    IReadOnlyList<SocketEntry> Added,
    IReadOnlyList<SocketEntry> Changed,
    IReadOnlyList<SocketKey> Removed,
    ScanStats Stats)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    /// <summary>The scan the delta leads to: where its sockets' tcp_info and other ends are looked up when written.</summary>
    public Snapshot? After { get; init; }

    /// <param name="withTraffic">
    /// Also count a socket as changed when only its tcp_info counters moved (the stream does so at most every few
    /// seconds, so a busy connection does not cost a line a second and an idle one costs nothing).
    /// </param>
    public static StreamDelta Between(Snapshot before, Snapshot after, bool withTraffic = false)
    {
        var old = new Dictionary<SocketKey, SocketEntry>(before.Sockets.Count);
        foreach (var socket in before.Sockets)
        {
            old[socket.Key] = socket;
        }

        var added = new List<SocketEntry>();
        var changed = new List<SocketEntry>();
        foreach (var socket in after.Sockets)
        {
            if (!old.Remove(socket.Key, out var previous))
            {
                added.Add(socket);
            }
            else if (!previous.Equals(socket) || withTraffic && !Equals(before.TcpInfoOf(previous), after.TcpInfoOf(socket)))
            {
                changed.Add(socket);
            }
        }

        return new StreamDelta(after.TakenAt, added, changed, [.. old.Keys], after.Stats) { After = after };
    }

    /// <summary>
    /// The snapshot this delta leads to from <paramref name="before"/>: removed sockets dropped, changed ones replaced
    /// where they were, added ones at the end. Lenient on purpose: a change to an unknown socket is an addition, the
    /// removal of an unknown one changes nothing.
    /// </summary>
    public Snapshot ApplyTo(Snapshot before)
    {
        var removed = Removed.ToHashSet();
        var replaced = new Dictionary<SocketKey, SocketEntry>(Changed.Count + Added.Count);
        foreach (var socket in Changed.Concat(Added))
        {
            replaced[socket.Key] = socket;
        }

        var sockets = new List<SocketEntry>(before.Sockets.Count + Added.Count);
        foreach (var socket in before.Sockets)
        {
            var key = socket.Key;
            if (removed.Contains(key))
            {
                continue;
            }

            sockets.Add(replaced.Remove(key, out var newer) ? newer : socket);
        }

        foreach (var socket in Changed.Concat(Added))
        {
            if (replaced.Remove(socket.Key, out var newer))
            {
                sockets.Add(newer);
            }
        }

        return before with { TakenAt = TakenAt, Sockets = new EquatableArray<SocketEntry>(sockets), Stats = Stats };
    }

    /// <summary>One line of the stream: <c>{"takenAt", "added", "changed", "removed", "warnings", "stats"}</c>.</summary>
    public void Write(Utf8JsonWriter json, IReadOnlyList<string> warnings)
    {
        json.WriteStartObject();
        json.WriteString("takenAt", TakenAt.ToString("O", CultureInfo.InvariantCulture));
        WriteSockets(json, "added", Added, After);
        WriteSockets(json, "changed", Changed, After);
        json.WriteStartArray("removed");
        foreach (var key in Removed)
        {
            WriteKey(json, key);
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (string warning in warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        SnapshotJsonWriter.WriteStats(json, Stats);
        json.WriteEndObject();
    }

    /// <summary>Reads a line written by <see cref="Write"/>; a <see cref="FormatException"/> when it is not one.</summary>
    public static StreamDelta Read(JsonElement line, SnapshotJsonReader reader)
    {
        List<SocketEntry> Sockets(string name) => Array(line, name).Select(reader.ReadSocket).ToList();
        return new StreamDelta(
            SnapshotJsonReader.ReadTime(line), Sockets("added"), Sockets("changed"),
            Array(line, "removed").Select(reader.ReadKey).ToList(),
            SnapshotJsonReader.ReadStats(line.TryGetProperty("stats", out var stats) ? stats : throw new FormatException("no \"stats\"")));
    }

    private static IEnumerable<JsonElement> Array(JsonElement line, string name) =>
        line.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new FormatException($"no \"{name}\" array");

    private static void WriteSockets(Utf8JsonWriter json, string name, IReadOnlyList<SocketEntry> sockets, Snapshot? after)
    {
        json.WriteStartArray(name);
        foreach (var socket in sockets)
        {
            SnapshotJsonWriter.WriteSocket(json, socket, after);
        }

        json.WriteEndArray();
    }

    /// <summary>The identity alone: namespace, protocol and inode; the 5-tuple and state too when the inode is 0.</summary>
    private static void WriteKey(Utf8JsonWriter json, SocketKey key)
    {
        json.WriteStartObject();
        json.WriteString("proto", key.Protocol.Name());
        json.WriteNumber("netns", key.Netns);
        json.WriteNumber("inode", key.Inode);
        if (key.Inode == 0)
        {
            json.WriteString("localAddress", key.LocalAddress?.ToString());
            json.WriteNumber("localPort", key.LocalPort);
            json.WriteString("remoteAddress", key.RemoteAddress?.ToString());
            json.WriteNumber("remotePort", key.RemotePort);
            json.WriteString("state", key.State);
        }

        json.WriteEndObject();
    }
}
