using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// The periodic re-walk spread over refreshes (issue 22): at 1 s of a 10 s period each refresh walks a tenth of the
/// processes, every process is walked within ten refreshes, and a re-walk that finds nothing new changes nothing.
/// Virtual time; the fixture /proc has real symlinks.
/// </summary>
public sealed class SpreadWalkTests : IDisposable
{
    private const int Processes = 25;
    private const int Known = Processes + 1; // and the fixture's own process (self)
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FixtureProcTree _proc = new();
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ProcSnapshotSource _source;

    public SpreadWalkTests()
    {
        var rows = new List<string>();
        for (int i = 0; i < Processes; i++)
        {
            ulong inode = 500 + (ulong)i;
            rows.Add(Row(i, $"0100007F:{0x1F90 + i:X4}", "00000000:0000", "0A", inode));
            _proc.AddProcess(100 + i, "server", $"./server --n {i}", startTicks: 100).AddSocketFd(100 + i, 3, inode);
        }

        _proc.WriteTable("tcp", rows);
        // the dump as sock_diag hands it back while nothing changes: the same table objects
        var tables = new FixedTables(new ProcNetTableSource(_proc.ProcRoot).ReadOwn(HostNetns));
        _source = new ProcSnapshotSource(_proc.ProcRoot, _clock, isRoot: true, fullRescanPeriod: TimeSpan.FromSeconds(10), ownTables: tables);
        _source.Take();
    }

    public void Dispose() => _proc.Dispose();

    private Snapshot TakeAfterOneSecond()
    {
        _clock.Advance(Second);
        return _source.Take();
    }

    [Fact]
    public void Every_process_is_walked_within_ten_refreshes_and_each_refresh_walks_a_tenth()
    {
        var walkedAt = new List<HashSet<int>>();
        for (int refresh = 0; refresh < 30; refresh++)
        {
            TakeAfterOneSecond();
            walkedAt.Add([.. _source.LastScan!.Walked]);
            Assert.InRange(walkedAt[^1].Count, 1, 3); // ceil(26 / 10): never the whole walk at once
            Assert.False(_source.LastScan!.WasFull);
        }

        for (int start = 0; start + 10 <= walkedAt.Count; start++)
        {
            var window = walkedAt.Skip(start).Take(10).SelectMany(pids => pids).ToHashSet();
            Assert.Equal(Known, window.Count); // any ten consecutive refreshes walk every process
        }
    }

    [Fact]
    public void A_rewalk_that_finds_the_same_holdings_hands_back_the_same_snapshot()
    {
        var before = TakeAfterOneSecond();
        for (int refresh = 0; refresh < 12; refresh++)
        {
            var after = TakeAfterOneSecond();
            Assert.NotEmpty(_source.LastScan!.Walked);
            Assert.Same(before, after); // nothing decoded, joined or diffed
        }
    }

    [Fact]
    public void A_holder_that_closed_its_copy_is_dropped_within_one_period_without_a_full_walk()
    {
        // the second holder of 500 closes its fd: no new inode, no new pid, nothing the identity check sees
        _proc.AddProcess(300, "worker", "./worker", startTicks: 300).AddSocketFd(300, 4, 500);
        _clock.Advance(TimeSpan.FromSeconds(10)); // a new process: walked at once
        Assert.Equal(2, _source.Take().Sockets.Single(s => s.Inode == 500).Holders.Count);
        File.Delete(Path.Combine(_proc.Root, "300", "fd", "4"));

        var holders = new List<int>();
        for (int refresh = 0; refresh < 10; refresh++)
        {
            holders.Add(TakeAfterOneSecond().Sockets.Single(s => s.Inode == 500).Holders.Count);
            Assert.False(_source.LastScan!.WasFull);
        }

        Assert.Equal(1, holders[^1]);
        var full = new ProcSnapshotSource(_proc.ProcRoot, _clock, isRoot: true).Take();
        Assert.True(_source.Take().HasSameContentAs(full));
    }

    [Fact]
    public void A_rewritten_command_line_shows_within_one_period()
    {
        File.WriteAllText(Path.Combine(_proc.Root, "107", "cmdline"), "server: worker 7\0");

        var lines = Enumerable.Range(0, 10)
            .Select(_ => TakeAfterOneSecond().Sockets.Single(s => s.Inode == 507).Holders[0].Process.CommandLine)
            .ToList();

        Assert.Equal("server: worker 7", lines[^1]);
        Assert.Contains("./server --n 7", lines[0]); // not re-read at once: it waits for its turn in the walk
    }
}
