using TuiPorts.Core.ProcFs;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class NetTableParserTests
{
    private static string Table(params string[] rows) => string.Join("\n", [TcpHeader, .. rows]) + "\n";

    [Fact]
    public void Parses_a_tcp_listener()
    {
        var table = NetTableParser.Parse(Protocol.Tcp, Table(Row(0, "0100007F:2328", "00000000:0000", "0A", 4298572, uid: 33)));

        var row = Assert.Single(table.Rows);
        Assert.Equal("127.0.0.1", row.LocalAddress.ToString());
        Assert.Equal(9000, row.LocalPort);
        Assert.Equal("0.0.0.0", row.RemoteAddress.ToString());
        Assert.Equal("LISTEN", row.State);
        Assert.Equal(33, row.Uid);
        Assert.Equal(4298572UL, row.Inode);
        Assert.Equal(0, table.MalformedLines);
    }

    [Fact]
    public void Parses_an_ipv6_connection_with_queues()
    {
        string line = "   3: B80D0120020001000400030006000500:6DBD 0000000000000000FFFF00000100007F:0050 01 0000001A:00000002 00:00000000 00000000  1000        0 77 1 0 20 4 30 10 -1";

        var row = Assert.Single(NetTableParser.Parse(Protocol.Tcp6, Table(line)).Rows);

        Assert.Equal("2001:db8:1:2:3:4:5:6", row.LocalAddress.ToString());
        Assert.Equal(28093, row.LocalPort);
        Assert.Equal("::ffff:127.0.0.1", row.RemoteAddress.ToString());
        Assert.Equal(80, row.RemotePort);
        Assert.Equal("ESTABLISHED", row.State);
        Assert.Equal(26, row.TxQueue);
        Assert.Equal(2, row.RxQueue);
        Assert.Equal(1000, row.Uid);
    }

    [Theory]
    [InlineData("01", "ESTABLISHED")]
    [InlineData("02", "SYN_SENT")]
    [InlineData("03", "SYN_RECV")]
    [InlineData("06", "TIME_WAIT")]
    [InlineData("08", "CLOSE_WAIT")]
    [InlineData("0A", "LISTEN")]
    [InlineData("0C", "NEW_SYN_RECV")]
    [InlineData("3F", "UNKNOWN_3F")]
    public void Names_tcp_states_like_netstat(string code, string name)
    {
        var row = Assert.Single(NetTableParser.Parse(Protocol.Tcp, Table(Row(0, "0100007F:2328", "0100007F:9C40", code, 1))).Rows);
        Assert.Equal(name, row.State);
    }

    [Theory]
    [InlineData("07", "UNCONN")]
    [InlineData("01", "ESTABLISHED")]
    public void Names_udp_states(string code, string name)
    {
        var row = Assert.Single(NetTableParser.Parse(Protocol.Udp, Table(Row(0, "0100007F:0035", "00000000:0000", code, 1))).Rows);
        Assert.Equal(name, row.State);
    }

    [Theory]
    [InlineData("   0: 0100007F:2328 00000000:0000 0A 00000000:00000000 00:00000000")] // truncated
    [InlineData("   0: 0100007F:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0")] // no inode
    [InlineData("   0: 0100007X:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1")] // non-hex
    [InlineData("   0: 0100007F:2328 00000000:0000 ZZ 00000000:00000000 00:00000000 00000000     0        0 1")] // bad state
    [InlineData("   0: B80D0120020001000400030006000500:6DBD 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1")] // v6 in tcp
    [InlineData("   0: 0100007F:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000    -1        0 1")] // uid
    [InlineData("garbage")]
    [InlineData("0100007F:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1")] // no sl
    public void Skips_and_counts_malformed_lines(string bad)
    {
        var table = NetTableParser.Parse(Protocol.Tcp, Table(bad, Row(1, "0100007F:2328", "00000000:0000", "0A", 5)));

        Assert.Equal(1, table.MalformedLines);
        Assert.Equal(5UL, Assert.Single(table.Rows).Inode);
    }

    [Fact]
    public void Empty_and_header_only_content_is_an_empty_table()
    {
        Assert.Empty(NetTableParser.Parse(Protocol.Tcp, string.Empty).Rows);
        Assert.Empty(NetTableParser.Parse(Protocol.Tcp, TcpHeader).Rows);
        Assert.Equal(0, NetTableParser.Parse(Protocol.Tcp, TcpHeader + "\n\n").MalformedLines);
    }

    [Fact]
    public void Accepts_crlf_and_tabs()
    {
        string content = TcpHeader + "\r\n" + Row(0, "0100007F:2328", "00000000:0000", "0A", 9).Replace("     0 ", "\t0\t") + "\r\n";
        Assert.Single(NetTableParser.Parse(Protocol.Tcp, content).Rows);
    }
}
