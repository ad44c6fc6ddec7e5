using System.Globalization;
using System.Text.Json;

namespace TuiPorts.Core.Wire;

/// <summary>
/// Writes a snapshot as the documented JSON document (docs/json-schema.md). Field names are a contract: scripts
/// depend on them. Written with <see cref="Utf8JsonWriter"/> so it stays trim- and AOT-safe.
/// </summary>
public static class SnapshotJsonWriter
{
    /// <summary>Sockets written between flushes: the writer's buffer stays small however many sockets there are.</summary>
    private const int FlushEvery = 256;

    /// <summary>The options of every document tuiports writes: plain <c>+</c> and <c>&lt;</c> for people reading it.</summary>
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="indented">One field per line for people; compact (one line) for pipes and scripts.</param>
    public static void Write(Stream output, Snapshot snapshot, IEnumerable<SocketEntry> sockets, bool indented = true)
    {
        using var json = new Utf8JsonWriter(output, Options(indented));
        Write(json, snapshot, sockets);
    }

    /// <summary>The document as one JSON object into <paramref name="json"/> (compact or indented, as it was opened).</summary>
    public static void Write(Utf8JsonWriter json, Snapshot snapshot, IEnumerable<SocketEntry> sockets)
    {
        json.WriteStartObject();
        json.WriteString("takenAt", snapshot.TakenAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("ownNetns", snapshot.OwnNetns);
        json.WriteStartArray("warnings");
        foreach (string warning in Presentation.Wording.Warnings(snapshot))
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteBoolean("tcpInfoAvailable", snapshot.Traffic.Available);
        json.WriteStartArray("sockets");
        int written = 0;
        foreach (var socket in sockets)
        {
            WriteSocket(json, socket, snapshot);
            if (++written % FlushEvery == 0)
            {
                json.Flush(); // stream out instead of growing one buffer to the whole document (8-40 MB)
            }
        }

        json.WriteEndArray();
        WriteStats(json, snapshot.Stats);
        json.WriteEndObject();
    }

    /// <param name="snapshot">Where the socket's tcp_info and its other end on this host are looked up.</param>
    public static void WriteSocket(Utf8JsonWriter json, SocketEntry socket, Snapshot? snapshot = null)
    {
        json.WriteStartObject();
        json.WriteString("proto", socket.Protocol.Name());
        json.WriteString("state", socket.State);
        json.WriteString("role", socket.Role.Name());
        json.WriteString("localAddress", socket.LocalAddress.ToString());
        json.WriteNumber("localPort", socket.LocalPort);
        json.WriteString("remoteAddress", socket.RemoteAddress.ToString());
        json.WriteNumber("remotePort", socket.RemotePort);
        json.WriteNumber("inode", socket.Inode);
        json.WriteNumber("uid", socket.Uid);
        json.WriteNumber("netns", socket.Netns);
        json.WriteNumber("txQueue", socket.TxQueue);
        json.WriteNumber("rxQueue", socket.RxQueue);
        json.WriteBoolean("ownersHidden", socket.HoldersHidden);
        if (snapshot?.PeerOf(socket) is { Inode: not 0 } peer)
        {
            json.WriteNumber("peerInode", peer.Inode);
        }

        if (snapshot?.TcpInfoOf(socket) is { } info)
        {
            WriteTcpInfo(json, info);
        }

        json.WriteStartArray("owners");
        foreach (var holder in socket.Holders)
        {
            WriteHolder(json, holder);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>"tcpInfo": {...}</c>: the kernel's raw counters; a field the kernel does not have is left out.</summary>
    public static void WriteTcpInfo(Utf8JsonWriter json, TuiPorts.Core.Model.TcpInfo info)
    {
        json.WriteStartObject("tcpInfo");
        json.WriteNumber("rttUs", info.RttUs);
        json.WriteNumber("rttVarUs", info.RttVarUs);
        WriteIfKnown(json, "bytesAcked", info.BytesAcked);
        WriteIfKnown(json, "bytesReceived", info.BytesReceived);
        WriteIfKnown(json, "bytesSent", info.BytesSent);
        json.WriteNumber("totalRetrans", info.TotalRetrans);
        json.WriteNumber("lost", info.Lost);
        WriteIfKnown(json, "deliveryRateBps", info.DeliveryRateBps);
        json.WriteNumber("lastSendMs", info.LastSendMs);
        json.WriteNumber("lastReceiveMs", info.LastReceiveMs);
        json.WriteEndObject();
    }

    private static void WriteIfKnown(Utf8JsonWriter json, string name, ulong? value)
    {
        if (value is { } known)
        {
            json.WriteNumber(name, known);
        }
    }

    private static void WriteHolder(Utf8JsonWriter json, SocketHolder holder)
    {
        var process = holder.Process;
        json.WriteStartObject();
        json.WriteNumber("pid", holder.Pid);
        json.WriteStartArray("fds");
        foreach (int fd in holder.Fds)
        {
            json.WriteNumberValue(fd);
        }

        json.WriteEndArray();
        json.WriteString("name", process.Name);
        json.WriteString("user", process.User);
        json.WriteNumber("uid", process.Uid);
        json.WriteString("cmdline", process.CommandLine);
        json.WriteNumber("ppid", process.ParentPid);
        json.WriteNumber("startTimeTicks", process.StartTimeTicks);
        // formatted on the stack: a holder is written once per socket it holds (two strings each, 9 MB at 50k)
        Span<char> text = stackalloc char[64];
        if (process.StartedAt is { } startedAt && startedAt.TryFormat(text, out int length, "O", CultureInfo.InvariantCulture))
        {
            json.WriteString("startedAt", text[..length]);
        }
        else
        {
            json.WriteNull("startedAt");
        }

        if (process.StartTimeUtc is { } startTime && startTime.TryFormat(text, out length, Presentation.Formats.StartTimeUtcFormat, CultureInfo.InvariantCulture))
        {
            json.WriteString("startTime", text[..length]);
        }
        else
        {
            json.WriteNull("startTime");
        }

        WriteNullable(json, "cgroup", process.Cgroup?.Path);
        WriteNullable(json, "unit", process.Cgroup?.Unit);
        WriteNullable(json, "container", process.Cgroup?.Container);
        json.WriteBoolean("kernelThread", process.IsKernelThread);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteStats(Utf8JsonWriter json, ScanStats stats)
    {
        json.WriteStartObject("stats");
        json.WriteNumber("processes", stats.Processes);
        json.WriteNumber("fdsRead", stats.FdsRead);
        json.WriteNumber("socketFds", stats.SocketFds);
        json.WriteNumber("processesDenied", stats.ProcessesDenied);
        json.WriteNumber("processesVanished", stats.ProcessesVanished);
        json.WriteNumber("namespaces", stats.Namespaces);
        json.WriteNumber("malformedLines", stats.MalformedLines);
        json.WriteBoolean("asRoot", stats.AsRoot);
        json.WriteEndObject();
    }
}
