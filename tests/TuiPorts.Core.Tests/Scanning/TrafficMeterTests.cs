using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>Per-connection rates from two successive readings of tcp_info, on the scan's monotonic (in tests, virtual) clock.</summary>
public sealed class TrafficMeterTests
{
    private static readonly TimeSpan T0 = TimeSpan.FromDays(3); // monotonic time (an uptime), as the scan hands it in

    private static TcpInfo Info(ulong received, ulong acked, long retrans = 0, long lastSendMs = 0) =>
        new(200, 50, acked, received, acked, retrans, 0, 1_000_000, lastSendMs, 0);

    [Fact]
    public void Bytes_in_and_out_over_two_seconds_are_the_rates_and_the_first_reading_has_none()
    {
        var meter = new TrafficMeter();

        var first = meter.Next(new Dictionary<ulong, TcpInfo> { [7] = Info(1_000, 500) }, T0);
        var second = meter.Next(new Dictionary<ulong, TcpInfo> { [7] = Info(8_001_000, 2_500, retrans: 3) }, T0 + TimeSpan.FromSeconds(2));

        Assert.Equal(default, first.RateOf(7));
        var rate = second.RateOf(7);
        Assert.Equal(4_000_000, rate.RxBytesPerSecond);
        Assert.Equal(1_000, rate.TxBytesPerSecond);
        Assert.Equal(1.5, rate.RetransmitsPerSecond);
    }

    [Fact]
    public void A_connection_that_stops_gets_zero_once_and_then_the_very_same_traffic_object()
    {
        var meter = new TrafficMeter();
        var busy = new Dictionary<ulong, TcpInfo> { [7] = Info(0, 0) };
        meter.Next(busy, T0);
        var quiet = new Dictionary<ulong, TcpInfo> { [7] = Info(4_000, 0) };
        var moving = meter.Next(quiet, T0 + TimeSpan.FromSeconds(1));

        var stopped = meter.Next(quiet, T0 + TimeSpan.FromSeconds(2)); // the collector hands back the same object: nothing moved
        var stillStopped = meter.Next(quiet, T0 + TimeSpan.FromSeconds(3));

        Assert.Equal(4_000, moving.RateOf(7).RxBytesPerSecond);
        Assert.Equal(default, stopped.RateOf(7));
        Assert.False(moving.SameAs(stopped));
        Assert.Same(stopped, stillStopped);
    }

    [Fact]
    public void Only_the_idle_ages_changing_is_no_change_and_a_counter_going_back_is_a_new_socket_not_a_negative_rate()
    {
        var meter = new TrafficMeter();
        meter.Next(new Dictionary<ulong, TcpInfo> { [7] = Info(9_000, 9_000, lastSendMs: 10) }, T0);

        var aged = meter.Next(new Dictionary<ulong, TcpInfo> { [7] = Info(9_000, 9_000, lastSendMs: 1_010) }, T0 + TimeSpan.FromSeconds(1));
        var reused = meter.Next(new Dictionary<ulong, TcpInfo> { [7] = Info(10, 10) }, T0 + TimeSpan.FromSeconds(2));

        Assert.Empty(aged.Rates);
        Assert.Empty(reused.Rates);
    }

    [Fact]
    public void Without_tcp_info_the_traffic_is_unavailable_and_says_so()
    {
        var traffic = new TrafficMeter().Next(null, T0);

        Assert.False(traffic.Available);
        Assert.Same(ConnectionTraffic.Unavailable, traffic);
    }
}
