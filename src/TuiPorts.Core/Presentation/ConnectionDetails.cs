
namespace TuiPorts.Core.Presentation;

/// <summary>
/// The detail pane's connection lines: the socket's traffic (rates, RTT, counters, idle ages), the other end when it
/// is on this host, and each holder's totals over all of its connections. Pure text from the snapshot.
/// </summary>
public static class ConnectionDetails
{
    public static IReadOnlyList<string> Lines(SocketEntry socket, Snapshot snapshot)
    {
        var lines = new List<string>();
        if (socket.Protocol.IsTcp() && !socket.IsListening)
        {
            lines.Add(Traffic(socket, snapshot));
        }

        if (snapshot.PeerOf(socket) is { } peer)
        {
            lines.Add(Wording.OtherEnd(peer));
        }

        foreach (var holder in socket.Holders)
        {
            if (ProcessTotals(holder.Pid, snapshot) is { } totals)
            {
                lines.Add(totals);
            }
        }

        return lines.ConvertAll(TerminalText.Sanitize);
    }

    private static string Traffic(SocketEntry socket, Snapshot snapshot)
    {
        if (!snapshot.Traffic.Available || socket.Host is not null || snapshot.InOtherNetns(socket))
        {
            return Wording.TrafficUnavailable;
        }

        if (snapshot.TcpInfoOf(socket) is not { } info)
        {
            return Wording.NoTrafficReported(socket.State);
        }

        var rate = snapshot.RateOf(socket);
        string counters = $"received {Formats.Bytes(info.BytesReceived ?? 0)}, sent {Formats.Bytes(info.BytesOut ?? 0)}";
        string delivery = info.DeliveryRateBps is { } bps ? $"  delivery {Formats.Rate(bps)}/s" : string.Empty;
        return $"traffic: in {Formats.Rate(rate.RxBytesPerSecond)}/s  out {Formats.Rate(rate.TxBytesPerSecond)}/s  "
            + $"rtt {Formats.Rtt(info.RttUs)} (±{Formats.Rtt(info.RttVarUs)})  retrans {info.TotalRetrans}"
            + (rate.RetransmitsPerSecond > 0 ? $" ({rate.RetransmitsPerSecond:0.#}/s)" : string.Empty)
            + $"  lost {info.Lost}  {counters}{delivery}  idle: sent {Formats.Milliseconds(info.LastSendMs)} ago, received {Formats.Milliseconds(info.LastReceiveMs)} ago";
    }

    /// <summary><c>pid 812 (psql): in 4.0M/s out 12K/s over 3 connections</c>; null when it holds no TCP connection with traffic facts.</summary>
    public static string? ProcessTotals(int pid, Snapshot snapshot)
    {
        if (!snapshot.Traffic.Available)
        {
            return null;
        }

        double rx = 0, tx = 0;
        int connections = 0;
        string? name = null;
        foreach (var socket in snapshot.Sockets)
        {
            if (socket.IsListening || !socket.Protocol.IsTcp() || snapshot.TcpInfoOf(socket) is null)
            {
                continue;
            }

            foreach (var holder in socket.Holders)
            {
                if (holder.Pid == pid)
                {
                    var rate = snapshot.RateOf(socket);
                    rx += rate.RxBytesPerSecond;
                    tx += rate.TxBytesPerSecond;
                    connections++;
                    name = holder.Process.Name;
                    break;
                }
            }
        }

        return connections == 0 ? null
            : $"pid {pid} ({name}) in total: in {Formats.Rate(rx)}/s  out {Formats.Rate(tx)}/s over {Wording.Count(connections, "connection")}";
    }
}
