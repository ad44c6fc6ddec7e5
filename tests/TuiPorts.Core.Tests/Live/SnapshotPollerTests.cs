using System.Reactive.Concurrency;
using NSubstitute;
using TuiPorts.Core.Live;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Live;

public sealed class SnapshotPollerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly HistoricalScheduler _scheduler = new();
    private readonly ISnapshotSource _source = Substitute.For<ISnapshotSource>();
    private readonly List<RefreshResult> _results = [];

    private SnapshotPoller Start()
    {
        var poller = new SnapshotPoller(_source, _scheduler, Second);
        poller.Results().Subscribe(_results.Add);
        return poller;
    }

    [Fact]
    public void Scans_at_once_then_every_interval()
    {
        _source.Take().Returns(Of(Listener(1, 1)), Of(Listener(2, 2)), Of(Listener(3, 3)));
        Start();

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Single(_results);
        _scheduler.AdvanceBy(Second);
        _scheduler.AdvanceBy(Second);

        Assert.Equal([1, 2, 3], _results.Select(r => r.Snapshot!.Sockets[0].LocalPort));
        _source.Received(3).Take();
    }

    [Fact]
    public void Refresh_now_scans_without_waiting_for_the_interval_and_then_keeps_the_rhythm()
    {
        _source.Take().Returns(Of(Listener(1, 1)), Of(Listener(2, 2)), Of(Listener(3, 3)));
        var poller = Start();
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100));

        poller.RefreshNow(); // a new filter: scan now, not in 900 ms
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));

        Assert.Equal([1, 2], _results.Select(r => r.Snapshot!.Sockets[0].LocalPort));
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(998));
        Assert.Equal(2, _results.Count); // the next regular scan is a whole interval after the early one
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(2));
        Assert.Equal(3, _results.Count);
    }

    [Fact]
    public void Snapshots_with_identical_content_are_skipped()
    {
        _source.Take().Returns(
            Of(DateTimeOffset.UnixEpoch, Listener(1, 1)),
            Of(DateTimeOffset.UnixEpoch.AddSeconds(1), Listener(1, 1)),
            Of(DateTimeOffset.UnixEpoch.AddSeconds(2), Listener(1, 1, 42)));
        Start();

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2.5));

        Assert.Equal(2, _results.Count);
        Assert.Equal([42], _results[1].Snapshot!.Sockets[0].Holders.Select(o => o.Pid));
    }

    [Fact]
    public void A_failing_scan_becomes_an_error_result_and_polling_goes_on()
    {
        _source.Take().Returns(_ => Of(Listener(1, 1)), _ => throw new IOException("proc vanished"), _ => Of(Listener(2, 2)));
        Start();

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2.5));

        Assert.Equal(3, _results.Count);
        Assert.Null(_results[1].Snapshot);
        Assert.Equal(new ScanFailure("IOException", "proc vanished"), _results[1].Failure);
        Assert.Equal(2, _results[2].Snapshot!.Sockets[0].LocalPort);
    }

    [Fact]
    public void A_scan_slower_than_the_interval_does_not_pile_up()
    {
        int port = 0;
        _source.Take().Returns(_ =>
        {
            _scheduler.Sleep(TimeSpan.FromSeconds(2.5)); // this scan takes 2.5 s of (virtual) time
            return Of(Listener(++port, (ulong)port));
        });
        Start();

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10));

        // each cycle is 2.5 s of scanning + 1 s of waiting: scans start at 0, 3.5, 7 -> three, never overlapping
        _source.Received(3).Take();
    }

    [Fact]
    public void Pause_stops_scanning_and_resume_restarts_it()
    {
        int port = 0;
        _source.Take().Returns(_ => Of(Listener(++port, (ulong)port)));
        var poller = Start();
        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));

        poller.SetPaused(true);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(5));
        Assert.Single(_results);

        poller.RequestRefresh();
        _scheduler.AdvanceBy(Second);
        Assert.Equal(2, _results.Count);

        poller.SetPaused(false);
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2));
        Assert.Equal(4, _results.Count);
    }

    [Fact]
    public void Disposing_the_subscription_stops_the_loop()
    {
        _source.Take().Returns(_ => Of(Listener(1, 1)));
        var subscription = new SnapshotPoller(_source, _scheduler, Second).Results().Subscribe(_ => { });
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(2.5));
        subscription.Dispose();
        _source.ClearReceivedCalls();

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10));

        _source.DidNotReceive().Take();
    }
}
