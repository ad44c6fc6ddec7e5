using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// The incremental holder map must equal a full walk after every change it claims to track. Each step mutates the
/// fixture /proc, then compares a long-lived incremental source with a brand-new (full-walk) one.
/// </summary>
public sealed class IncrementalScanTests : IDisposable
{
    private const string Any = "00000000:0000";
    private readonly FixtureProcTree _proc = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(1));
    private readonly ProcSnapshotSource _incremental;
    private readonly List<string> _rows = [];

    public IncrementalScanTests()
    {
        _rows.Add(Row(0, "0100007F:1F90", Any, "0A", 500)); // 127.0.0.1:8080 listener
        _proc.AddProcess(100, "server", "./server", startTicks: 100).AddSocketFd(100, 3, 500).AddFd(100, 0, "/dev/null");
        _proc.AddProcess(200, "client", "./client", startTicks: 200).AddFd(200, 0, "/dev/null");
        WriteTables();
        _incremental = new ProcSnapshotSource(_proc.ProcRoot, _time, isRoot: true, fullRescanPeriod: TimeSpan.FromSeconds(10));
        AssertIncrementalEqualsFull(expectFull: true);
    }

    public void Dispose() => _proc.Dispose();

    private void WriteTables() => _proc.WriteTable("tcp", _rows);

    private void AssertIncrementalEqualsFull(bool expectFull = false)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        var incremental = _incremental.Take();
        var full = new ProcSnapshotSource(_proc.ProcRoot, _time, isRoot: true).Take();
        Assert.Equal(expectFull, _incremental.LastScan!.WasFull);
        Assert.True(incremental.HasSameContentAs(full), $"incremental:\n{Describe(incremental)}\nfull:\n{Describe(full)}");
    }

    private static string Describe(Snapshot s) => string.Join('\n', s.Sockets.Select(x =>
        $"{x.LocalEndpoint}->{x.RemoteEndpoint} {x.State} {x.Inode}: {string.Join(",", x.Holders.Select(o => $"{o.Pid}[{string.Join(",", o.Fds)}]"))}"));

    [Fact]
    public void A_steady_refresh_walks_no_fd_at_all()
    {
        _incremental.Take();
        Assert.Equal(0, _incremental.LastScan!.FdsWalked);
    }

    [Fact]
    public void A_new_connection_is_found_in_both_processes_that_hold_its_ends()
    {
        _rows.Add(Row(1, "0100007F:1F90", "0100007F:9C40", "01", 501)); // accepted end, held by the server
        _rows.Add(Row(2, "0100007F:9C40", "0100007F:1F90", "01", 502)); // client end
        _proc.AddSocketFd(100, 4, 501).AddSocketFd(200, 3, 502);
        WriteTables();

        AssertIncrementalEqualsFull();
    }

    [Fact]
    public void A_new_process_with_a_socket_is_walked()
    {
        _rows.Add(Row(1, "0100007F:0035", Any, "07", 600));
        _proc.AddProcess(300, "dns", "./dns", startTicks: 300).AddSocketFd(300, 5, 600);
        WriteTables();

        AssertIncrementalEqualsFull();
    }

    [Fact]
    public void An_exited_process_disappears()
    {
        _rows.Clear();
        WriteTables();
        Directory.Delete(Path.Combine(_proc.Root, "100"), recursive: true);

        AssertIncrementalEqualsFull();
    }

    [Fact]
    public void A_reused_pid_with_a_new_start_time_is_walked_again()
    {
        Directory.Delete(Path.Combine(_proc.Root, "100"), recursive: true);
        _proc.AddProcess(100, "other", "./other", startTicks: 999).AddSocketFd(100, 9, 500);

        AssertIncrementalEqualsFull();
        Assert.Equal("other", Assert.Single(_incremental.Take().Sockets).Holders[0].Process.Name);
    }

    [Fact]
    public void A_second_holder_of_a_known_socket_is_found_when_its_process_is_new()
    {
        _proc.AddProcess(101, "server", "./server --worker", startTicks: 101, ppid: 100).AddSocketFd(101, 3, 500);

        AssertIncrementalEqualsFull();
    }

    [Fact]
    public void A_socket_nobody_holds_is_not_searched_for_again_on_every_refresh()
    {
        _rows.Add(Row(1, "0100007F:0016", Any, "0A", 777)); // kernel-held or hidden: no fd anywhere
        WriteTables();
        AssertIncrementalEqualsFull();

        _time.Advance(TimeSpan.FromSeconds(1));
        _incremental.Take();
        Assert.Equal(0, _incremental.LastScan!.ProcessesSearched); // only the spread periodic walk's share
    }

    [Fact]
    public void What_the_cache_cannot_see_is_corrected_by_the_periodic_full_rescan()
    {
        // The worker closes its copy of a still-open shared socket: no new inode, no new pid, so the incremental
        // refresh keeps the stale holder - for at most one full-rescan period.
        _proc.AddProcess(101, "server", "./server --worker", startTicks: 101).AddSocketFd(101, 3, 500);
        AssertIncrementalEqualsFull();
        File.Delete(Path.Combine(_proc.Root, "101", "fd", "3"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _incremental.Take().Sockets[0].Holders.Count); // stale, as documented

        _time.Advance(TimeSpan.FromSeconds(10));
        AssertIncrementalEqualsFull(expectFull: true);
        Assert.Single(_incremental.Take().Sockets[0].Holders);
    }
}
