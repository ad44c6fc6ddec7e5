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
        WriteHeader(json, snapshot.TakenAt, snapshot.OwnNetns, Presentation.Wording.Warnings(snapshot), snapshot.Traffic.Available);
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

    /// <summary>The document's opening up to its <c>"sockets": [</c> (the one-shot without a snapshot writes the same).</summary>
    internal static void WriteHeader(Utf8JsonWriter json, DateTimeOffset takenAt, ulong ownNetns, IEnumerable<string> warnings, bool tcpInfoAvailable)
    {
        json.WriteStartObject();
        json.WriteString("takenAt", takenAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("ownNetns", ownNetns);
        json.WriteStartArray("warnings");
        foreach (string warning in warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteBoolean("tcpInfoAvailable", tcpInfoAvailable);
        json.WriteStartArray("sockets");
    }

    /// <param name="snapshot">Where the socket's tcp_info and its other end on this host are looked up.</param>
    public static void WriteSocket(Utf8JsonWriter json, SocketEntry socket, Snapshot? snapshot = null)
    {
        json.WriteStartObject();
        WriteFields(
            json, socket.Protocol, socket.State, socket.Role, socket.LocalAddress, socket.LocalPort, socket.RemoteAddress, socket.RemotePort,
            socket.Inode, socket.Uid, socket.Netns, socket.TxQueue, socket.RxQueue, socket.HoldersHidden);
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

    /// <summary>A socket's own fields, <c>proto</c> to <c>ownersHidden</c>, in the documented order.</summary>
    internal static void WriteFields(
        Utf8JsonWriter json, Protocol protocol, string state, SocketRole role, System.Net.IPAddress localAddress, int localPort,
        System.Net.IPAddress remoteAddress, int remotePort, ulong inode, int uid, ulong netns, long txQueue, long rxQueue, bool hidden)
    {
        json.WriteString("proto", protocol.Name());
        json.WriteString("state", state);
        json.WriteString("role", role.Name());
        json.WriteString("localAddress", localAddress.ToString());
        json.WriteNumber("localPort", localPort);
        json.WriteString("remoteAddress", remoteAddress.ToString());
        json.WriteNumber("remotePort", remotePort);
        json.WriteNumber("inode", inode);
        json.WriteNumber("uid", uid);
        json.WriteNumber("netns", netns);
        json.WriteNumber("txQueue", txQueue);
        json.WriteNumber("rxQueue", rxQueue);
        json.WriteBoolean("ownersHidden", hidden);
    }

    /// <summary><c>"tcpInfo": {...}</c>: the kernel's raw counters; a field the kernel does not have is left out.</summary>
    public static void WriteTcpInfo(Utf8JsonWriter json, TuiPorts.Core.Model.TcpInfo info) => WriteTcpInfo(json, TcpInfoFacts.Of(info));

    /// <summary><c>"tcpInfo": {...}</c> from the facts as a value.</summary>
    public static void WriteTcpInfo(Utf8JsonWriter json, in TcpInfoFacts info)
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

    private static void WriteHolder(Utf8JsonWriter json, SocketHolder holder) =>
        WriteHolder(json, holder.Process, holder.Fds.AsImmutableArray().AsSpan());

    /// <summary>One holder: the process and every fd number it holds the socket under.</summary>
    internal static void WriteHolder(Utf8JsonWriter json, ProcessInfo process, ReadOnlySpan<int> fds)
    {
        json.WriteStartObject();
        json.WriteNumber("pid", process.Pid);
        json.WriteStartArray("fds");
        foreach (int fd in fds)
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
