using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

public sealed class ProcSnapshotSourceTests : IDisposable
{
    private const string Listen9000 = "0100007F:2328";
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();

    public void Dispose() => _proc.Dispose();

    private Snapshot Take(bool isRoot = true) => new ProcSnapshotSource(_proc.ProcRoot, isRoot: isRoot).Take();

    [Fact]
    public void A_shared_socket_lists_every_holder()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "nginx", "nginx: master process", uid: 0).AddSocketFd(100, 6, 500);
        _proc.AddProcess(101, "nginx", "nginx: worker process", uid: 33, ppid: 100).AddSocketFd(101, 6, 500);

        var socket = Assert.Single(Take().Sockets);

        Assert.Equal([100, 101], socket.Holders.Select(o => o.Pid));
        Assert.Equal(["root", "www-data"], socket.Holders.Select(o => o.Process.User));
        Assert.Equal("nginx: worker process", socket.Holders[1].Process.CommandLine);
        Assert.Equal(100, socket.Holders[1].Process.ParentPid);
        Assert.False(socket.HoldersHidden);
    }

    [Fact]
    public void One_process_holding_a_socket_under_two_fds_is_one_owner_with_both_fds()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "server", "./server").AddSocketFd(100, 3, 500).AddSocketFd(100, 7, 500).AddFd(100, 1, "/dev/null");

        var holder = Assert.Single(Assert.Single(Take().Sockets).Holders);

        Assert.Equal([3, 7], holder.Fds);
    }

    [Fact]
    public void A_vanished_process_is_skipped_and_counted()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "server", "./server").AddSocketFd(100, 3, 500);
        _proc.AddProcess(200, "gone", "gone");
        _proc.RemoveFdDirectory(200);

        var snapshot = Take();

        Assert.Equal([100], Assert.Single(snapshot.Sockets).Holders.Select(o => o.Pid));
        Assert.Equal(1, snapshot.Stats.ProcessesVanished);
        Assert.Empty(Wording.Warnings(snapshot));
    }

    [Fact]
    public void A_process_whose_stat_vanished_after_the_fd_walk_is_not_an_owner()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "server", "./server").AddSocketFd(100, 3, 500);
        File.Delete(Path.Combine(_proc.Root, "100", "stat"));

        Assert.Empty(Assert.Single(Take().Sockets).Holders);
    }

    [Fact]
    public void Sockets_of_another_network_namespace_appear_with_their_holders()
    {
        const ulong container = 4026532999;
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "host-server", "host").AddSocketFd(100, 3, 500);
        _proc.AddProcess(300, "redis-server", "redis-server *:6379", netns: container).AddSocketFd(300, 6, 600);
        _proc.AddProcess(301, "redis-cli", "redis-cli", netns: container);
        _proc.WriteTable("tcp", [Row(0, "00000000:18EB", Any, "0A", 600)], pid: 300);

        var snapshot = Take();

        Assert.Equal(2, snapshot.Sockets.Count);
        Assert.Equal(HostNetns, snapshot.OwnNetns);
        var host = Assert.Single(snapshot.Sockets, s => s.LocalPort == 9000);
        var inContainer = Assert.Single(snapshot.Sockets, s => s.LocalPort == 6379);
        Assert.Equal(HostNetns, host.Netns);
        Assert.Equal(container, inContainer.Netns);
        Assert.Equal("redis-server", Assert.Single(inContainer.Holders).Process.Name);
        Assert.Equal(2, snapshot.Stats.Namespaces);
    }

    [Fact]
    public void A_foreign_namespace_is_read_through_its_next_process_when_the_first_shows_no_tables()
    {
        const ulong container = 4026532999;
        _proc.AddProcess(300, "exited-init", "init", netns: container); // no net/ tables: vanished mid-scan
        _proc.AddProcess(301, "redis-server", "redis-server *:6379", netns: container).AddSocketFd(301, 6, 600);
        _proc.WriteTable("tcp", [Row(0, "00000000:18EB", Any, "0A", 600)], pid: 301);

        var snapshot = Take();

        var inContainer = Assert.Single(snapshot.Sockets, s => s.Netns == container);
        Assert.Equal(6379, inContainer.LocalPort);
        Assert.Equal(301, Assert.Single(inContainer.Holders).Pid);
    }

    [Fact]
    public void Holders_the_walk_may_not_read_mark_their_sockets_hidden_through_the_proc_root_seam()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500), Row(1, "00000000:0016", Any, "0A", 501)]);
        _proc.AddProcess(100, "visible", "visible").AddSocketFd(100, 3, 500);
        _proc.AddProcess(200, "refusing", "refusing");
        var source = new ProcSnapshotSource(_proc.ProcRoot, isRoot: true, ownTables: null, fdReader: new RefusingFdReader(200));

        var snapshot = source.Take();

        Assert.False(Assert.Single(snapshot.Sockets, s => s.LocalPort == 9000).HoldersHidden);
        var hidden = Assert.Single(snapshot.Sockets, s => s.LocalPort == 22);
        Assert.True(hidden.HoldersHidden);
        Assert.Empty(hidden.Holders);
        Assert.Equal(1, snapshot.Stats.ProcessesDenied);
        Assert.Equal(
            "owners of 1 socket hidden: 1 process refuses access to its fds even to root",
            Assert.Single(Wording.Warnings(snapshot)));
    }

    /// <summary>Reads fd tables like the kernel would, except that one pid refuses (EACCES), as a sandboxed process does even to root.</summary>
    private sealed class RefusingFdReader(int refusingPid) : IFdTableReader
    {
        public LinkStatus ReadSockets(ProcRoot root, int pid, FdWalk walk) =>
            pid == refusingPid ? LinkStatus.Denied : FdTables.Kernel.ReadSockets(root, pid, walk);
    }

    [Fact]
    public void Duplicate_rows_are_listed_once_and_inode_zero_rows_are_keyed_by_their_tuple()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, Listen9000, Any, "0A", 500),
            Row(1, Listen9000, Any, "0A", 500),
            Row(2, Listen9000, "0100007F:9C40", "06", 0),
            Row(3, Listen9000, "0100007F:9C41", "06", 0),
            Row(4, Listen9000, "0100007F:9C41", "06", 0),
        ]);

        var snapshot = Take();

        Assert.Equal(3, snapshot.Sockets.Count);
        Assert.Equal(2, snapshot.Sockets.Count(s => s.State == "TIME_WAIT"));
        Assert.All(snapshot.Sockets.Where(s => s.Inode == 0), s => Assert.False(s.HoldersHidden));
    }

    [Fact]
    public void Missing_ipv6_tables_are_not_an_error_and_all_four_tables_are_read()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 1)]);
        _proc.WriteTable("udp", [Row(0, "0100007F:0035", Any, "07", 2)]);
        _proc.WriteTable("udp6", [Row(0, "00000000000000000000000001000000:0035", "00000000000000000000000000000000:0000", "07", 3)]);

        var snapshot = Take();

        Assert.Equal([Protocol.Tcp, Protocol.Udp, Protocol.Udp6], snapshot.Sockets.Select(s => s.Protocol));
        Assert.Equal("UNCONN", snapshot.Sockets[2].State);
        Assert.Empty(Wording.Warnings(snapshot));
    }

    [Fact]
    public void Malformed_lines_become_a_warning_not_an_exception()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 1), "   1: garbage", "\0\0\0"]);

        var snapshot = Take();

        Assert.Single(snapshot.Sockets);
        Assert.Equal(2, snapshot.Stats.MalformedLines);
        Assert.Contains(Wording.Warnings(snapshot), w => w.Contains("2 malformed lines skipped in ", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_snapshots_of_an_unchanged_tree_have_the_same_content()
    {
        _proc.WriteTable("tcp", [Row(0, Listen9000, Any, "0A", 500)]);
        _proc.AddProcess(100, "server", "./server").AddSocketFd(100, 3, 500);

        var first = Take();
        var second = Take();
        _proc.AddSocketFd(100, 4, 500);
        var third = Take();

        Assert.True(first.HasSameContentAs(second));
        Assert.False(second.HasSameContentAs(third));
    }
}
