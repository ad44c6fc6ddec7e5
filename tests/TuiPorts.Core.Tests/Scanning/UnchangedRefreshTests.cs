using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>A refresh that finds the same dumps and the same holders hands back the same snapshot, and only then.</summary>
public sealed class UnchangedRefreshTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Same_tables_and_same_holders_give_the_same_snapshot_object_and_a_change_gives_a_new_one()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(100, "server", "server").AddSocketFd(100, 3, 500);
        var fixedTables = new FixedTables(new ProcNetTableSource(_proc.ProcRoot).ReadOwn(HostNetns));
        var source = new ProcSnapshotSource(_proc.ProcRoot, ownTables: fixedTables, fullRescanPeriod: TimeSpan.FromHours(1));

        var first = source.Take();
        var second = source.Take();
        Assert.Same(first, second);

        _proc.AddProcess(200, "newcomer", "newcomer").AddSocketFd(200, 3, 500); // a new holder of the same socket
        var third = source.Take();
        Assert.NotSame(second, third);
        Assert.Equal([100, 200], Assert.Single(third.Sockets).Holders.Select(h => h.Pid));

        fixedTables.Tables = new ProcNetTableSource(_proc.ProcRoot).ReadOwn(HostNetns); // a new dump, equal content
        var fourth = source.Take();
        Assert.NotSame(third, fourth);
        Assert.True(third.HasSameContentAs(fourth));
    }

    [Fact]
    public void In_a_changed_snapshot_an_unchanged_socket_is_the_same_entry_object_and_a_changed_one_is_new()
    {
        _proc.WriteTable("tcp", [
            Row(0, "0100007F:2328", "00000000:0000", "0A", 500),
            Row(1, "0100007F:2328", "0100007F:C350", "01", 501),
            Row(2, "0100007F:C350", "0100007F:2328", "01", 502),
        ]);
        _proc.AddProcess(100, "server", "server").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 501);
        _proc.AddProcess(200, "client", "client").AddSocketFd(200, 3, 502);
        var source = new ProcSnapshotSource(_proc.ProcRoot, fullRescanPeriod: TimeSpan.FromHours(1));
        var first = source.Take().Sockets.ToDictionary(s => s.Inode);

        _proc.WriteTable("tcp", [
            Row(0, "0100007F:2328", "00000000:0000", "0A", 500),
            Row(1, "0100007F:2328", "0100007F:C350", "08", 501), // the server's end: CLOSE_WAIT now
            Row(2, "0100007F:C350", "0100007F:2328", "01", 502),
            Row(3, "0100007F:2328", "0100007F:C351", "01", 503), // a new connection
        ]);
        _proc.AddSocketFd(100, 5, 503);
        var second = source.Take().Sockets.ToDictionary(s => s.Inode);

        Assert.Same(first[500], second[500]);
        Assert.Same(first[502], second[502]);
        Assert.NotSame(first[501], second[501]);
        Assert.Equal("CLOSE_WAIT", second[501].State);
        Assert.Equal([5], Assert.Single(second[503].Holders).Fds);

        _proc.AddProcess(300, "inheritor", "inheritor").AddSocketFd(300, 7, 502); // a second holder of the client's socket
        var third = source.Take().Sockets.ToDictionary(s => s.Inode);
        Assert.NotSame(second[502], third[502]);
        Assert.Equal([200, 300], third[502].Holders.Select(h => h.Pid));
        Assert.Same(second[500], third[500]);
    }

    [Fact]
    [Trait("Category", "Oracle")]
    public void Sock_diag_hands_back_the_same_table_when_the_kernel_reports_the_same_sockets()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var ports = PortFilterParser.Parse(((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ServicesFile.Empty).Filter!;
        var source = new SockDiagTableSource(new ProcNetTableSource(ProcRoot.Default));

        var first = source.ReadOwn(HostNetns, ports);
        var second = source.ReadOwn(HostNetns, ports);

        var tcp = Assert.Single(first.Tables, t => t.Protocol == Protocol.Tcp);
        Assert.Single(tcp.Rows);
        Assert.Same(tcp, Assert.Single(second.Tables, t => t.Protocol == Protocol.Tcp));

        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        var third = source.ReadOwn(HostNetns, ports);
        Assert.NotSame(tcp, Assert.Single(third.Tables, t => t.Protocol == Protocol.Tcp));
    }
}
