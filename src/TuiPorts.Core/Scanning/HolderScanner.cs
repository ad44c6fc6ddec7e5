using System.Diagnostics;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// Walks /proc/&lt;pid&gt;/fd, and on later refreshes walks only what can have changed. A process is known by
/// (pid, start time): a known one keeps its cached socket fds; a new or replaced one is walked. Sockets that appear
/// in the tables without a known holder are searched for where they are likely (processes holding sockets with the
/// same local port, then with the same peer), stopping once all are found. Every process is walked again at least
/// once per <see cref="FullRescanPeriod"/>, spread over the refreshes (<see cref="WalkRotation"/>: a tenth of them
/// each second at 1 s of 10 s), so no holder list is staler than that and no refresh pays the whole walk. The kill
/// path never trusts this cache: it re-verifies the process's fd table itself.
/// </summary>
public sealed partial class HolderScanner
{
    private readonly ProcRoot _root;
    private readonly TimeProvider _time;
    private readonly IFdTableReader _fds;
    private readonly Dictionary<int, ProcessFds> _cache = [];
    private readonly HashSet<ulong> _unheld = [];
    private readonly HashSet<int> _walkedThisRefresh = [];

    /// <summary>Every fd number each known process had at its last walk (ascending): the basis of an incremental walk.</summary>
    private readonly Dictionary<int, int[]> _fdNumbers = [];

    /// <summary>Processes the search walked only incrementally this refresh (a full walk may still follow).</summary>
    private readonly HashSet<int> _walkedIncrementally = [];
    private int _vanished;

    public HolderScanner(ProcRoot root, TimeProvider? time = null, IFdTableReader? fds = null)
    {
        _root = root;
        _time = time ?? TimeProvider.System;
        _fds = fds ?? FdTables.Kernel;
        _rotation = new WalkRotation(_time);
        _startTimes = new KeptStatFiles(root, keep: root.IsRealProcfs());
    }

    /// <summary>The identity checks' kept /proc/&lt;pid&gt;/stat files (one pread per known process per refresh).</summary>
    private readonly KeptStatFiles _startTimes;

    /// <summary>The full walk's period unless told otherwise (<see cref="Live.RefreshSettings"/> carries it).</summary>
    public static readonly TimeSpan DefaultFullRescanPeriod = TimeSpan.FromSeconds(10);

    public TimeSpan FullRescanPeriod { get; init; } = DefaultFullRescanPeriod;

    /// <summary>Where the refreshes' time goes (this scanner writes the listing, identity, walk and search stages).</summary>
    public RefreshStages Stages { get; init; } = new();

    /// <summary>
    /// One refresh in one call: lists /proc, checks every known process's identity, walks what changed and its share
    /// of the periodic walk. The search for new sockets' holders (<see cref="FindHolders"/>) needs the tables.
    /// </summary>
    public HolderScan Scan() => FinishScan(BeginScan());

    /// <summary>
    /// Phase 1a: lists /proc, drops the gone, checks every known process's identity and picks this refresh's share of
    /// the spread periodic walk, for <see cref="FinishScan"/>. A new plan makes every earlier one and its scan stale.
    /// </summary>
    public WalkPlan BeginScan()
    {
        long now = _time.GetTimestamp();
        bool first = _lastRefresh is null;
        double share = first ? 1 : _time.GetElapsedTime(_lastRefresh!.Value, now) / FullRescanPeriod;
        if (first)
        {
            _cache.Clear();
            _fdNumbers.Clear();
            _unheld.Clear();
            _rotation.Clear();
        }

        _lastRefresh = now;
        _now = now;
        _walkedThisRefresh.Clear();
        _walkedIncrementally.Clear();
        _fdsWalked = 0;
        _processesSearched = 0;
        _vanished = 0;
        _changed = first;
        _refresh++;
        long stage = Stopwatch.GetTimestamp();
        _pids.Clear();
        _ = FdTableReader.ListNumbers(_root.Path, _pids); // kept lists: an idle refresh allocates nothing here
        Stages.ListProc = Lap(ref stage);
        _alive.Clear();
        _alive.UnionWith(_pids);
        _toWalk.Clear();
        foreach (int pid in _cache.Keys)
        {
            if (!_alive.Contains(pid))
            {
                _toWalk.Add(pid);
            }
        }

        foreach (int gone in _toWalk)
        {
            _cache.Remove(gone);
            _fdNumbers.Remove(gone);
            _rotation.Forget(gone);
            _startTimes.Forget(gone);
            _changed = true;
        }

        _toWalk.Clear();
        _scheduled.Clear();
        foreach (int pid in _pids)
        {
            if (pid <= 0
                || (_cache.TryGetValue(pid, out var known) && _startTimes.ReadStartTime(pid) == known.StartTimeTicks))
            {
                continue; // same process as last time: its holdings come from the cache (or the new-inode search)
            }

            _toWalk.Add(pid);
            _scheduled.Add(pid);
        }

        Stages.IdentityChecks = Lap(ref stage);
        int tracked = _rotation.Count;
        int overdue = first ? 0 : _rotation.TakeDue(now, share, FullRescanPeriod, _toWalk, _scheduled);
        _wasFull = first || (tracked > 0 && overdue == tracked); // a pause of a whole period: everything re-walked
        if (_wasFull)
        {
            _unheld.Clear();
        }

        _toWalk.Sort();
        return new WalkPlan(_toWalk.Count) { Refresh = _refresh };
    }

    /// <summary>Phase 1b: walks what <paramref name="plan"/> picked and hands back what the refresh found.</summary>
    /// <exception cref="InvalidOperationException">The plan is not this scanner's latest.</exception>
    public HolderScan FinishScan(WalkPlan plan)
    {
        EnsureCurrent(plan.Refresh);
        long stage = Stopwatch.GetTimestamp();
        WalkAll(_toWalk);
        Stages.FdWalk = Lap(ref stage);
        // nothing walked or gone: the same map as before (a fresh one only to reset the vanished count)
        return Result(_changed || _map is not { ProcessesVanished: 0 } ? Map() : _map);
    }

    private HolderScan Result(HolderMap map) =>
        new(map, _changed, _wasFull, _walkedThisRefresh.ToHashSet(), _fdsWalked, _processesSearched) { Refresh = _refresh };

    private void EnsureCurrent(long refresh)
    {
        if (refresh != _refresh)
        {
            throw new InvalidOperationException("a scan from an earlier refresh: begin, finish and search one refresh at a time");
        }
    }

    /// <summary>This refresh's work so far (reset by <see cref="BeginScan"/>).</summary>
    private long _refresh;
    private bool _changed;
    private bool _wasFull;
    private int _fdsWalked;
    private int _processesSearched;

    /// <summary>Above this many remembered unheld inodes, the ones gone from the tables are dropped.</summary>
    private const int UnheldPruneAbove = 4096;

    private readonly WalkRotation _rotation;
    private readonly HashSet<int> _scheduled = [];
    private long? _lastRefresh;
    private long _now;

    private readonly List<int> _pids = [];
    private readonly HashSet<int> _alive = [];
    private readonly List<int> _toWalk = [];
    private HolderMap? _map;

    /// <summary>Below this many processes one thread walks them; above, every core takes a share (a cold scan).</summary>
    public const int ParallelWalkThreshold = 48;

    /// <summary>Walks the fd tables of <paramref name="pids"/>, in parallel when there are many (each worker reads only).</summary>
    private void WalkAll(List<int> pids)
    {
        if (pids.Count < ParallelWalkThreshold || Environment.ProcessorCount < 2)
        {
            pids.ForEach(Walk);
            return;
        }

        var results = new (ProcessFds? Fds, FdWalk Walk)[pids.Count];
        Parallel.For(0, pids.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            results[i] = Read(pids[i], new FdWalk()));
        for (int i = 0; i < pids.Count; i++)
        {
            Record(pids[i], results[i].Fds, results[i].Walk);
        }
    }

    private void Walk(int pid) => Walk(pid, new FdWalk());

    private void Walk(int pid, FdWalk walk)
    {
        var (fds, done) = Read(pid, walk);
        Record(pid, fds, done);
    }

    /// <summary>
    /// Reads one process's fd table (thread-safe: touches no state of the scanner). Its identity (start time) is read
    /// before and after the walk: a pid that exited and was reused in between would otherwise lend the old process's
    /// sockets to the new one, so such a walk is dropped (the process counts as vanished and is walked next time).
    /// </summary>
    private (ProcessFds? Fds, FdWalk Walk) Read(int pid, FdWalk walk)
    {
        ulong? before = ProcessReader.ReadStartTime(_root, pid);
        if (before is null)
        {
            return (null, walk);
        }

        ulong netns = NetnsReader.Read(_root, pid);
        var status = _fds.ReadSockets(_root, pid, walk);
        ulong? after = ProcessReader.ReadStartTime(_root, pid);
        return status is LinkStatus.Ok or LinkStatus.Denied && after == before
            ? (new ProcessFds(pid, before.Value, netns, status, walk.Sockets, walk.Numbers.Count), walk)
            : (null, walk);
    }

    /// <summary>
    /// Keeps a walk's result. A re-walk that finds the same holdings as before (the spread periodic walk, mostly) is
    /// not a change: the holder map, and so the snapshot, stay the very objects of the last refresh. Only a full walk
    /// counts for the periodic walk's rotation.
    /// </summary>
    private void Record(int pid, ProcessFds? fds, FdWalk walk)
    {
        _walkedThisRefresh.Add(pid);
        if (walk.IsIncremental)
        {
            _walkedIncrementally.Add(pid);
        }
        else
        {
            _walkedIncrementally.Remove(pid);
        }

        _fdsWalked += walk.LinksRead;
        if (fds is not null)
        {
            bool same = _cache.TryGetValue(pid, out var before) && SameHoldings(before, fds);
            _changed |= !same;
            _cache[pid] = fds;
            var numbers = walk.Numbers.ToArray();
            Array.Sort(numbers); // readdir lists /proc/<pid>/fd in ascending order; the incremental walk searches it
            _fdNumbers[pid] = numbers;
            if (!walk.IsIncremental)
            {
                _rotation.Walked(pid, _now);
            }
        }
        else
        {
            _changed = true;
            _cache.Remove(pid);
            _fdNumbers.Remove(pid);
            _rotation.Forget(pid);
            _startTimes.Forget(pid);
            _vanished++;
        }
    }

    /// <summary>Same identity, namespace, access and socket fds (the count of other fds is not part of the map's holdings).</summary>
    private static bool SameHoldings(ProcessFds before, ProcessFds now) =>
        before.StartTimeTicks == now.StartTimeTicks && before.Netns == now.Netns && before.Status == now.Status
        && before.Sockets.SequenceEqual(now.Sockets);

    /// <summary>The ticks since <paramref name="since"/>, which moves on to now.</summary>
    private static long Lap(ref long since)
    {
        long now = Stopwatch.GetTimestamp();
        long lap = now - since;
        since = now;
        return lap;
    }

    private HolderMap Map()
    {
        int sockets = 0;
        foreach (var process in _cache.Values)
        {
            sockets += process.Sockets.Count;
        }

        return _map = HolderMap.Build(_cache.Values.OrderBy(p => p.Pid), _vanished, sockets);
    }
}
