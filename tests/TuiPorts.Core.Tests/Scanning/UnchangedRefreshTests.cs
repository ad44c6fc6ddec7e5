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
