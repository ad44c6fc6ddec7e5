using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Remote;

/// <summary>
/// Many hosts, one table: keeps each host's latest news and merges the sockets of every host that has some into one
/// <see cref="Snapshot"/> (each socket carrying its host), with every host's status, so the existing filter, sort and
/// screen state work across hosts unchanged. Updates that arrive close together are merged once, after
/// <c>settle</c> on the injected scheduler; while paused, news is kept and shown on resume.
/// </summary>
public sealed class HostsView(IReadOnlyList<string> hosts, IReadOnlyList<IObservable<HostSnapshot>> feeds, IScheduler scheduler, TimeSpan settle)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HostSnapshot> _latest =
        hosts.ToDictionary(h => h, h => new HostSnapshot(new HostStatus(h, HostState.Connecting), null));

    private bool _paused;
    private bool _dirty;
    private bool _flushPending;
    private IObserver<RefreshResult>? _observer;

    /// <summary>This machine as one host of the view: the local poller's snapshots under its name; a failed scan keeps the last one.</summary>
    public static IObservable<HostSnapshot> Local(string name, IObservable<RefreshResult> results) =>
        results.Scan(new HostSnapshot(new HostStatus(name, HostState.Connecting), null), (last, result) => result.Snapshot is { } snapshot
            ? new HostSnapshot(new HostStatus(name, HostState.Live), WithHost(snapshot, name))
            : new HostSnapshot(new HostStatus(name, HostState.Failed, result.Failure is { } failure ? Wording.RefreshFailed(failure) : null), last.Snapshot));

    /// <summary>The same snapshot with every socket marked as <paramref name="host"/>'s.</summary>
    public static Snapshot WithHost(Snapshot snapshot, string host) =>
        snapshot with { Sockets = new EquatableArray<SocketEntry>(snapshot.Sockets.Select(s => s with { Host = host })) };

    /// <summary>One merged result now (the first one at once, with every host connecting), then after each settled change.</summary>
    public IObservable<RefreshResult> Results() => Observable.Create<RefreshResult>(observer =>
    {
        lock (_gate)
        {
            _observer = observer;
            observer.OnNext(Merge());
        }

        var subscriptions = new CompositeDisposable(feeds.Select(feed => feed.Subscribe(Apply)));
        return Disposable.Create(() =>
        {
            subscriptions.Dispose();
            lock (_gate)
            {
                _observer = null;
            }
        });
    });

    public void SetPaused(bool paused)
    {
        lock (_gate)
        {
            _paused = paused;
            if (!paused && _dirty)
            {
                ScheduleFlush();
            }
        }
    }

    /// <summary>Every host's status and the merged sockets of those that have some, in host order.</summary>
    public RefreshResult Merge() => Combine(hosts.Select(h => _latest[h]).ToList());

    /// <summary>One snapshot of several hosts' sockets (each host's own namespace kept), with each host's status.</summary>
    public static RefreshResult Combine(IReadOnlyList<HostSnapshot> present)
    {
        var withSockets = present.Where(h => h.Snapshot is not null).Select(h => (h.Host, Snapshot: h.Snapshot!)).ToList();
        var sockets = ImmutableArray.CreateBuilder<SocketEntry>(withSockets.Sum(h => h.Snapshot.Sockets.Count));
        foreach (var (_, snapshot) in withSockets)
        {
            sockets.AddRange(snapshot.Sockets.AsImmutableArray());
        }

        var first = withSockets.Count > 0 ? withSockets[0].Snapshot : Snapshot.Empty;
        var merged = new Snapshot(
            withSockets.Count > 0 ? withSockets.Max(h => h.Snapshot.TakenAt) : Snapshot.Empty.TakenAt,
            first.OwnNetns,
            new EquatableArray<SocketEntry>(sockets.MoveToImmutable()),
            new EquatableArray<MalformedTable>(withSockets.SelectMany(h => h.Snapshot.Malformed)),
            Sum(withSockets.Select(h => h.Snapshot.Stats).ToList(), withSockets.Count > 0 && withSockets.All(h => h.Snapshot.Stats.AsRoot)))
        {
            HostNamespaces = new EquatableArray<HostNamespace>(withSockets.Select(h => new HostNamespace(h.Host, h.Snapshot.OwnNetns))),
        };
        return RefreshResult.Ok(merged, TimeSpan.Zero) with { Hosts = present.Select(h => h.Status).ToList() };
    }

    private void Apply(HostSnapshot update)
    {
        lock (_gate)
        {
            if (!_latest.ContainsKey(update.Host))
            {
                return;
            }

            _latest[update.Host] = update;
            _dirty = true;
            if (!_paused)
            {
                ScheduleFlush();
            }
        }
    }

    private void ScheduleFlush()
    {
        if (_flushPending)
        {
            return;
        }

        _flushPending = true;
        scheduler.Schedule(settle, () =>
        {
            lock (_gate)
            {
                _flushPending = false;
                if (_paused || !_dirty)
                {
                    return;
                }

                _dirty = false;
                _observer?.OnNext(Merge());
            }
        });
    }

    private static ScanStats Sum(List<ScanStats> stats, bool asRoot) => new(
        stats.Sum(s => s.Processes), stats.Sum(s => s.FdsRead), stats.Sum(s => s.SocketFds), stats.Sum(s => s.ProcessesDenied),
        stats.Sum(s => s.ProcessesVanished), stats.Sum(s => s.Namespaces), stats.Sum(s => s.MalformedLines), asRoot);
}
