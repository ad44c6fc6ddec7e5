using System.Text.Json;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Wire;

/// <summary>
/// Writes a one-shot's <see cref="OncePicture"/> as the document <see cref="SnapshotJsonWriter"/> writes for a
/// snapshot of the same sockets, byte for byte: each socket's JSON made at write time from its compact form, its
/// tcp_info slot, its other end and the holder map, through the same field writers.
/// </summary>
public static class OnceJsonWriter
{
    /// <summary>Sockets written between flushes: the writer's buffer stays at a few tens of KB.</summary>
    private const int FlushEvery = 64;

    /// <param name="query">Which sockets are written; it must read only the sockets' own fields (<see cref="SocketQuery.ReadsOnlySocketFields"/>).</param>
    public static void Write(Stream output, OncePicture picture, SocketQuery query, bool indented = true)
    {
        if (!query.ReadsOnlySocketFields)
        {
            throw new ArgumentException("the query looks at holders' names: write a snapshot instead", nameof(query));
        }

        using var json = new Utf8JsonWriter(output, SnapshotJsonWriter.Options(indented));
        var warnings = Presentation.Wording.Warnings(picture.HiddenSockets, picture.Stats, picture.Malformed);
        SnapshotJsonWriter.WriteHeader(json, picture.TakenAt, picture.OwnNetns, warnings, picture.TcpInfoAvailable);
        var tables = picture.Tables;
        var holders = new List<(ProcessInfo Process, int Fd)>();
        var fds = new int[16];
        var sockets = picture.Sockets;
        int written = 0;
        for (int i = 0; i < sockets.Length; i++)
        {
            var socket = sockets[i];
            string state = tables.StateOf(socket);
            if (!query.MatchesFields(socket.Protocol, state, socket.LocalPort, socket.RemotePort))
            {
                continue;
            }

            json.WriteStartObject();
            SnapshotJsonWriter.WriteFields(
                json, socket.Protocol, state, socket.Role, tables.Addresses[socket.LocalAddress], socket.LocalPort,
                tables.Addresses[socket.RemoteAddress], socket.RemotePort, socket.Inode, socket.Uid, picture.NetnsOf(socket),
                socket.TxQueue, socket.RxQueue, socket.Hidden);
            if (picture.Peers.PeerInodeOf(i) is not 0 and var peer)
            {
                json.WriteNumber("peerInode", peer);
            }

            if (picture.TryTcpInfo(socket, out var info))
            {
                SnapshotJsonWriter.WriteTcpInfo(json, info);
            }

            picture.Holders.Of(socket.Inode, holders);
            WriteOwners(json, holders, ref fds);
            json.WriteEndObject();
            if (++written % FlushEvery == 0)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        SnapshotJsonWriter.WriteStats(json, picture.Stats);
        json.WriteEndObject();
    }

    /// <summary><c>"owners": [...]</c>: one holder per process (pairs come by pid, then fd), with all of its fds.</summary>
    private static void WriteOwners(Utf8JsonWriter json, List<(ProcessInfo Process, int Fd)> holders, ref int[] fds)
    {
        json.WriteStartArray("owners");
        for (int start = 0; start < holders.Count;)
        {
            var process = holders[start].Process;
            int count = 0;
            for (; start + count < holders.Count && ReferenceEquals(holders[start + count].Process, process); count++)
            {
                if (count == fds.Length)
                {
                    Array.Resize(ref fds, fds.Length * 2);
                }

                fds[count] = holders[start + count].Fd;
            }

            SnapshotJsonWriter.WriteHolder(json, process, fds.AsSpan(0, count));
            start += count;
        }

        json.WriteEndArray();
    }
}
