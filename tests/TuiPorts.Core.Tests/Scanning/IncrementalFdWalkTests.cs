using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// The search for a new socket's holder reads only the links that can have changed (a new fd number, the number of a
/// closed socket), and falls back to every link when that leaves the socket unfound. Each step checks the holders
/// against a brand-new full walk and counts the readlinks. The periodic full walk is set to an hour; its smallest
/// share (one process a refresh, the lowest pid first) falls on processes with no fds, ahead of the server's pid 300.
/// </summary>
public sealed class IncrementalFdWalkTests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(1));
    private readonly ProcSnapshotSource _source;
    private readonly Dictionary<ulong, string> _rows = [];
    private const int Server = 300;
    private Snapshot _last = null!;

    public IncrementalFdWalkTests()
    {
        Listen(500, "1F90");
        Connection(501, "9C40");
        Connection(502, "9C41");
        for (int pid = 100; pid < 110; pid++)
        {
            _proc.AddProcess(pid, "idle", "./idle", startTicks: (ulong)pid);
        }

        _proc.AddProcess(Server, "server", "./server", startTicks: 300)
            .AddFd(Server, 0, "/dev/null").AddFd(Server, 1, "pipe:[9]").AddSocketFd(Server, 3, 500).AddSocketFd(Server, 4, 501).AddSocketFd(Server, 5, 502);
        WriteTables();
        _source = new ProcSnapshotSource(_proc.ProcRoot, _time, isRoot: true, fullRescanPeriod: TimeSpan.FromHours(1));
        RefreshAndCompare();
    }

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void A_closed_sockets_number_holding_a_new_socket_is_the_only_link_read()
    {
        Close(Server, 4, 501);
        Connection(503, "9C42");
        _proc.AddSocketFd(Server, 4, 503);

        RefreshAndCompare();

        Assert.Equal(1, _source.LastScan!.FdsWalked);
        Assert.Equal(Server, Holder(503));
    }

    [Fact]
    public void A_new_fd_number_is_the_only_link_read()
    {
        Connection(504, "9C43");
        _proc.AddSocketFd(Server, 9, 504);

        RefreshAndCompare();

        Assert.Equal(1, _source.LastScan!.FdsWalked);
        Assert.Equal(Server, Holder(504));
    }

    [Fact]
    public void A_socket_behind_a_number_that_held_a_file_is_found_by_reading_every_link()
    {
        File.Delete(Path.Combine(_proc.Root, "300", "fd", "1")); // the pipe closed; the number now holds a socket
        Connection(505, "9C44");
        _proc.AddSocketFd(Server, 1, 505);

        RefreshAndCompare();

        Assert.Equal(Server, Holder(505));
        Assert.True(_source.LastScan!.FdsWalked >= 5, "the fallback reads the candidates' every link");
    }

    [Fact]
    public void A_closed_socket_whose_number_is_now_a_file_leaves_no_holder_behind_once_a_new_socket_is_searched_for()
    {
        Close(Server, 5, 502);
        _proc.AddFd(Server, 5, "/var/log/server.log");
        Connection(506, "9C45");
        _proc.AddSocketFd(Server, 6, 506);

        RefreshAndCompare();

        Assert.Equal(Server, Holder(506));
        Assert.Equal(2, _source.LastScan!.FdsWalked); // fd 5 (its socket closed) and the new fd 6
    }

    private void Listen(ulong inode, string portHex) => _rows[inode] = Row(_rows.Count, $"0100007F:{portHex}", Any, "0A", inode);

    private void Connection(ulong inode, string peerPortHex) =>
        _rows[inode] = Row(_rows.Count, "0100007F:1F90", $"0100007F:{peerPortHex}", "01", inode);

    private void Close(int pid, int fd, ulong inode)
    {
        _rows.Remove(inode);
        File.Delete(Path.Combine(_proc.Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "fd", fd.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void WriteTables() => _proc.WriteTable("tcp", [.. _rows.Values]);

    private int Holder(ulong inode) => Assert.Single(Assert.Single(_last.Sockets, s => s.Inode == inode).Holders).Pid;

    private void RefreshAndCompare()
    {
        WriteTables();
        _time.Advance(TimeSpan.FromSeconds(1));
        var incremental = _last = _source.Take();
        var full = new ProcSnapshotSource(_proc.ProcRoot, _time, isRoot: true).Take();
        Assert.True(incremental.HasSameContentAs(full), "the incremental walk's holders differ from a full walk's");
    }
}
