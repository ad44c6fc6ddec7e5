using System.Net;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// A refresh's holder scan is a value: it keeps what that refresh found after the next one, and a scan or a plan from
/// an earlier refresh cannot be finished or searched into the current one.
/// </summary>
public sealed class HolderScanTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();
    private readonly HolderScanner _scanner;

    public HolderScanTests()
    {
        _proc.AddProcess(100, "server", "server").AddSocketFd(100, 3, 500);
        _scanner = new HolderScanner(_proc.ProcRoot) { FullRescanPeriod = TimeSpan.FromHours(1) };
    }

    public void Dispose() => _proc.Dispose();

    private static NetTableRow Row(ulong inode) =>
        new(Protocol.Tcp, IPAddress.Loopback, 9000, IPAddress.Loopback, 50000, "ESTABLISHED", 0, 0, 0, inode);

    [Fact]
    public void A_scan_keeps_what_its_refresh_found_after_the_next_refresh()
    {
        var first = _scanner.Scan();
        _proc.AddProcess(200, "client", "client").AddSocketFd(200, 4, 501);

        var second = _scanner.Scan();

        Assert.Contains(100, first.Walked);
        Assert.DoesNotContain(200, first.Walked); // not added afterwards by the second refresh
        Assert.True(first.WasFull);
        Assert.False(first.Map.Holds(501));
        Assert.Contains(200, second.Walked);
        Assert.True(second.Map.Holds(501));
        Assert.True(second.Changed);
    }

    [Fact]
    public void The_search_adds_the_new_holder_to_its_own_refresh_and_an_unchanged_refresh_says_so()
    {
        var first = _scanner.Scan();
        var quiet = _scanner.Scan();
        Assert.False(quiet.Changed);
        Assert.Same(first.Map, quiet.Map);

        _proc.AddSocketFd(100, 5, 502); // a new socket of a known process: only the search finds it
        var scan = _scanner.Scan();
        var searched = _scanner.FindHolders(scan, [Row(500), Row(502)]);

        Assert.False(scan.Map.Holds(502));
        Assert.Equal([(100, 5)], searched.Map.HoldersOf(502));
        Assert.Equal(1, searched.ProcessesSearched);
        Assert.Same(searched, _scanner.FindHolders(searched, [Row(500), Row(502)])); // nothing missing: the same scan
    }

    [Fact]
    public void A_plan_or_a_scan_from_an_earlier_refresh_is_refused()
    {
        var stalePlan = _scanner.BeginScan();
        var current = _scanner.FinishScan(_scanner.BeginScan());

        Assert.Throws<InvalidOperationException>(() => _scanner.FinishScan(stalePlan));
        _scanner.Scan();
        Assert.Throws<InvalidOperationException>(() => _scanner.FindHolders(current, [Row(500)]));
    }
}
