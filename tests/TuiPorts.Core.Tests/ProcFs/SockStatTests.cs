using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class SockStatTests
{
    [Fact]
    public void Sockets_in_use_and_time_wait_are_summed_over_tcp_and_udp()
    {
        const string v4 = "sockets: used 312\nTCP: inuse 20 orphan 0 tw 7 alloc 25 mem 3\nUDP: inuse 4 mem 1\nUDPLITE: inuse 0\nRAW: inuse 1\nFRAG: inuse 0 memory 0\n";
        const string v6 = "TCP6: inuse 5\nUDP6: inuse 2\nUDPLITE6: inuse 0\nRAW6: inuse 1\nFRAG6: inuse 0 memory 0\n";

        Assert.Equal(31, SockStat.Parse(v4));
        Assert.Equal(7, SockStat.Parse(v6));
        Assert.Equal(27, SockStat.ParseTcp(v4)); // the TCP dump's records: in use and TIME_WAIT
        Assert.Equal(5, SockStat.ParseTcp(v6));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage\nTCP: inuse lots\n")]
    public void Missing_or_malformed_files_give_no_count(string? text)
    {
        Assert.Null(SockStat.Parse(text));
        Assert.Null(SockStat.ParseTcp(text));
    }
}
