namespace TuiPorts.Core.Model;

/// <summary>
/// The facts of one TCP connection that the kernel keeps in its <c>struct tcp_info</c> (sock_diag's INET_DIAG_INFO):
/// round-trip time, byte and loss counters, the delivery rate, and how long ago data last went out or came in. A
/// field the running kernel's struct is too short for is null. Counters only grow while the socket lives.
/// </summary>
/// <param name="RttUs">Smoothed round-trip time, µs.</param>
/// <param name="RttVarUs">Its mean deviation, µs.</param>
/// <param name="BytesAcked">Payload bytes the peer acknowledged (plus one for the SYN) - what was delivered (Linux 4.1+).</param>
/// <param name="BytesReceived">Payload bytes received (Linux 4.1+).</param>
/// <param name="BytesSent">Payload bytes sent, retransmissions included (Linux 4.19+).</param>
/// <param name="TotalRetrans">Segments retransmitted over the connection's life.</param>
/// <param name="Lost">Segments now considered lost.</param>
/// <param name="DeliveryRateBps">The kernel's latest delivery-rate sample, bytes per second (Linux 4.9+).</param>
/// <param name="LastSendMs">Milliseconds since data was last sent (moves with the clock: not part of equality).</param>
/// <param name="LastReceiveMs">Milliseconds since data was last received (moves with the clock: not part of equality).</param>
public sealed record TcpInfo(
    long RttUs,
    long RttVarUs,
    ulong? BytesAcked,
    ulong? BytesReceived,
    ulong? BytesSent,
    long TotalRetrans,
    long Lost,
    ulong? DeliveryRateBps,
    long LastSendMs,
    long LastReceiveMs)
{
    /// <summary>Bytes delivered to the peer: acknowledged bytes, or sent bytes on a kernel without the counter.</summary>
    public ulong? BytesOut => BytesAcked ?? BytesSent;

    /// <summary>
    /// Equal counters: the idle ages are left out, because they grow every millisecond on a quiet connection and a
    /// quiet connection must compare equal from one refresh to the next (that is what keeps an idle view free).
    /// </summary>
    public bool Equals(TcpInfo? other) => other is not null
        && RttUs == other.RttUs && RttVarUs == other.RttVarUs && BytesAcked == other.BytesAcked
        && BytesReceived == other.BytesReceived && BytesSent == other.BytesSent && TotalRetrans == other.TotalRetrans
        && Lost == other.Lost && DeliveryRateBps == other.DeliveryRateBps;

    public override int GetHashCode() => HashCode.Combine(RttUs, BytesAcked, BytesReceived, TotalRetrans);
}
