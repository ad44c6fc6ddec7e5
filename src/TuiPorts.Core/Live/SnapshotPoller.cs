using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Live;

/// <summary>
/// The live pipeline's source: scans on a background scheduler every <see cref="Interval"/>, skips snapshots whose
/// content did not change, and turns a failed scan into an error result instead of ending the stream.
/// The next scan is scheduled only when the previous one has finished, so a scan slower than the interval never
/// piles up refreshes: it just stretches the period.
/// </summary>
public sealed class SnapshotPoller
{
    private readonly ISnapshotSource _source;
    private readonly IScheduler _background;
    private volatile bool _paused;
    private volatile bool _refreshRequested;
    private long _lastScanTicks;

    public SnapshotPoller(ISnapshotSource source, IScheduler background, TimeSpan interval)
    {
        _source = source;
        _background = background;
        Interval = interval;
    }

    public TimeSpan Interval { get; }

    /// <summary>How long the latest scan took, changed or not (a heartbeat reports it).</summary>
    public TimeSpan LastScanTime => TimeSpan.FromTicks(Interlocked.Read(ref _lastScanTicks));

    /// <summary>Stops scanning (the screen keeps the last snapshot) or resumes it.</summary>
    public void SetPaused(bool paused) => _paused = paused;

    /// <summary>Makes the next tick scan even when paused (after a kill, say).</summary>
    public void RequestRefresh() => _refreshRequested = true;

    /// <summary>
    /// Scans as soon as the background scheduler is free instead of at the next tick (a new filter changed what the
    /// source reads), then keeps the usual interval from there.
    /// </summary>
    public void RefreshNow()
    {
        _refreshRequested = true;
        _scanNow?.Invoke();
    }

    private Action? _scanNow;

    /// <summary>Cold: each subscription starts its own polling loop at once and stops it on dispose.</summary>
    public IObservable<RefreshResult> Results() =>
        Observable.Create<RefreshResult>(observer =>
        {
            var pending = new SerialDisposable();
            var gate = new object();
            void Tick()
            {
                lock (gate)
                {
                    if (pending.IsDisposed)
                    {
                        return;
                    }

                    if (!_paused || _refreshRequested)
                    {
                        _refreshRequested = false;
                        observer.OnNext(ScanOnce());
                    }

                    // asked for a scan while this one ran: its result may already be stale, so go again at once
                    pending.Disposable = _background.Schedule(_refreshRequested ? TimeSpan.Zero : Interval, Tick);
                }
            }

            pending.Disposable = _background.Schedule(TimeSpan.Zero, Tick);
            _scanNow = () =>
            {
                if (Monitor.TryEnter(gate)) // not scanning right now: move the next tick up
                {
                    try
                    {
                        if (!pending.IsDisposed)
                        {
                            pending.Disposable = _background.Schedule(TimeSpan.Zero, Tick);
                        }
                    }
                    finally
                    {
                        Monitor.Exit(gate);
                    }
                }
            };
            return Disposable.Create(() =>
            {
                _scanNow = null;
                lock (gate)
                {
                    pending.Dispose();
                }
            });
        })
        .DistinctUntilChanged(SameContent.Instance);

    private RefreshResult ScanOnce()
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            var snapshot = _source.Take();
            return RefreshResult.Ok(snapshot, Took(started));
        }
        catch (Exception e)
        {
            return RefreshResult.Failed(e, Took(started));
        }
    }

    private TimeSpan Took(long started)
    {
        var took = Stopwatch.GetElapsedTime(started);
        Interlocked.Exchange(ref _lastScanTicks, took.Ticks);
        return took;
    }

    /// <summary>Two results are the same when they carry snapshots of the same content, or the same error.</summary>
    private sealed class SameContent : IEqualityComparer<RefreshResult>
    {
        public static readonly SameContent Instance = new();

        public bool Equals(RefreshResult? x, RefreshResult? y) =>
            x is not null && y is not null
            && (x.Snapshot is not null && y.Snapshot is not null
                ? x.Snapshot.HasSameContentAs(y.Snapshot)
                : x.Snapshot is null && y.Snapshot is null && x.Failure == y.Failure);

        public int GetHashCode(RefreshResult obj) => 0;
    }
}
