namespace TuiPorts.Core.Model;

/// <summary>
/// The facts of a <see cref="TcpInfo"/> as a value: what a one-shot writes for each connection straight from the
/// dump's slot, without an object per connection. The fields mean what <see cref="TcpInfo"/>'s do.
/// </summary>
public readonly record struct TcpInfoFacts(
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
    public static TcpInfoFacts Of(TcpInfo info) => new(
        info.RttUs, info.RttVarUs, info.BytesAcked, info.BytesReceived, info.BytesSent, info.TotalRetrans, info.Lost,
        info.DeliveryRateBps, info.LastSendMs, info.LastReceiveMs);

    public TcpInfo ToTcpInfo() => new(
        RttUs, RttVarUs, BytesAcked, BytesReceived, BytesSent, TotalRetrans, Lost, DeliveryRateBps, LastSendMs, LastReceiveMs);
}
