using System.Diagnostics;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Snapshots;

/// <summary>
/// Walks /proc/&lt;pid&gt;/fd, and on later refreshes walks only what can have changed. A process is known by
/// (pid, start time): a known one keeps its cached socket fds; a new or replaced one is walked. Sockets that appear
/// in the tables without a known holder are searched for where they are likely (processes holding sockets with the
/// same local port, then with the same peer), stopping once all are found. Every <see cref="FullRescanPeriod"/> the
/// cache is dropped and everything is walked again, so no holder list is staler than that. The kill path never
/// trusts this cache: it re-verifies the process's fd table itself.
/// </summary>
public sealed class HolderScanner
{
    private readonly ProcRoot _root;
    private readonly TimeProvider _time;
    private readonly IFdTableReader _fds;
    private readonly Dictionary<int, ProcessFds> _cache = [];
    private readonly HashSet<ulong> _unheld = [];
    private readonly HashSet<int> _walkedThisRefresh = [];
    private long? _lastFullScan; // a monotonic timestamp (TimeProvider.GetTimestamp): a wall-clock step cannot stop rescans
    private int _vanished;

    public HolderScanner(ProcRoot root, TimeProvider? time = null, IFdTableReader? fds = null)
    {
        _root = root;
        _time = time ?? TimeProvider.System;
        _fds = fds ?? FdTables.Kernel;
    }

    public TimeSpan FullRescanPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when the last refresh walked every process.</summary>
    public bool LastRefreshWasFull { get; private set; }

    /// <summary>
    /// False when the last refresh (both phases) found every process as it was: nothing walked, nothing gone, not a
    /// full rescan. Then the holder map is the same as the one before.
    /// </summary>
    public bool ChangedLastRefresh { get; private set; }

    /// <summary>Fds read (one readlink each) by the last refresh, including the search for new inodes.</summary>
    public int FdsWalkedLastRefresh { get; private set; }

    /// <summary>Where the refreshes' time goes (this scanner writes the listing, identity, walk and search stages).</summary>
    public RefreshStages Stages { get; init; } = new();

    /// <summary>Phase 1: bring the cache up to date with the processes that exist now.</summary>
    public HolderMap Refresh()
    {
        long now = _time.GetTimestamp();
        LastRefreshWasFull = _lastFullScan is not { } last || _time.GetElapsedTime(last, now) >= FullRescanPeriod;
        if (LastRefreshWasFull)
        {
            _cache.Clear();
            _unheld.Clear();
            _lastFullScan = now;
        }

        _walkedThisRefresh.Clear();
        FdsWalkedLastRefresh = 0;
        _vanished = 0;
        ChangedLastRefresh = LastRefreshWasFull;
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
            ChangedLastRefresh = true;
        }

        _toWalk.Clear();
        foreach (int pid in _pids)
        {
            if (pid <= 0
                || (_cache.TryGetValue(pid, out var known) && ProcessReader.ReadStartTime(_root, pid) == known.StartTimeTicks))
            {
                continue; // same process as last time: its holdings come from the cache (or the new-inode search)
            }

            _toWalk.Add(pid);
        }

        Stages.IdentityChecks = Lap(ref stage);
        _toWalk.Sort();
        WalkAll(_toWalk);
        Stages.FdWalk = Lap(ref stage);
        // nothing walked or gone: the same map as before (a fresh one only to reset the vanished count)
        return ChangedLastRefresh || _map is not { ProcessesVanished: 0 } ? Map() : _map;
    }

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

        var results = new (ProcessFds? Fds, int FdCount)[pids.Count];
        Parallel.For(0, pids.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            results[i] = Read(pids[i]));
        for (int i = 0; i < pids.Count; i++)
        {
            Record(pids[i], results[i].Fds, results[i].FdCount);
        }
    }

    /// <summary>
    /// Phase 2: for socket-table rows whose inode no cached process holds, walk the likely holders first and stop when
    /// all are found. Inodes nobody holds (kernel sockets, hidden holders) are remembered until the next full rescan.
    /// </summary>
    public HolderMap FindHolders(HolderMap map, IEnumerable<NetTableRow> allRows)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return Search(map, allRows);
        }
        finally
        {
            Stages.NewInodeSearch = Stopwatch.GetTimestamp() - start;
        }
    }

    private HolderMap Search(HolderMap map, IEnumerable<NetTableRow> allRows)
    {
        var unmatched = allRows.Where(r => r.Inode != 0 && !map.Holds(r.Inode) && !_unheld.Contains(r.Inode)).ToList();
        if (unmatched.Count == 0)
        {
            return map; // the usual case: every row listed once, nothing copied
        }

        var rows = allRows as IReadOnlyList<NetTableRow> ?? allRows.ToList();

        var missing = unmatched.Select(r => r.Inode).ToHashSet();
        foreach (int pid in Candidates(map, rows, unmatched))
        {
            if (_walkedThisRefresh.Contains(pid))
            {
                continue;
            }

            Walk(pid);
            if (_cache.TryGetValue(pid, out var walked))
            {
                foreach (var socket in walked.Sockets)
                {
                    missing.Remove(socket.Inode);
                }
            }

            if (missing.Count == 0)
            {
                break;
            }
        }

        _unheld.UnionWith(missing);
        return Map();
    }

    /// <summary>Most likely first: same local port (accepted connections), same peer (clients), then everyone else.</summary>
    private IEnumerable<int> Candidates(HolderMap map, IReadOnlyList<NetTableRow> rows, List<NetTableRow> unmatched)
    {
        var localPorts = unmatched.Select(r => r.LocalPort).ToHashSet();
        var peers = unmatched.Select(r => (r.RemoteAddress, r.RemotePort)).ToHashSet();
        var byLocalPort = new List<int>();
        var byPeer = new List<int>();
        foreach (var row in rows)
        {
            if (row.Inode == 0 || !map.Holds(row.Inode))
            {
                continue;
            }

            var target = localPorts.Contains(row.LocalPort) ? byLocalPort : peers.Contains((row.RemoteAddress, row.RemotePort)) ? byPeer : null;
            target?.AddRange(map.HoldersOf(row.Inode).Select(h => h.Pid));
        }

        return byLocalPort.Concat(byPeer).Concat(_cache.Keys.OrderByDescending(pid => pid)).Distinct();
    }

    private void Walk(int pid)
    {
        var (fds, fdCount) = Read(pid);
        Record(pid, fds, fdCount);
    }

    /// <summary>
    /// Reads one process's fd table (thread-safe: touches no state of the scanner). Its identity (start time) is read
    /// before and after the walk: a pid that exited and was reused in between would otherwise lend the old process's
    /// sockets to the new one, so such a walk is dropped (the process counts as vanished and is walked next time).
    /// </summary>
    private (ProcessFds? Fds, int FdCount) Read(int pid)
    {
        ulong? before = ProcessReader.ReadStartTime(_root, pid);
        if (before is null)
        {
            return (null, 0);
        }

        ulong netns = NetnsReader.Read(_root, pid);
        var sockets = new List<SocketFd>();
        var status = _fds.ReadSockets(_root, pid, sockets, out int fdCount);
        ulong? after = ProcessReader.ReadStartTime(_root, pid);
        return status is LinkStatus.Ok or LinkStatus.Denied && after == before
            ? (new ProcessFds(pid, before.Value, netns, status, sockets, fdCount), fdCount)
            : (null, fdCount);
    }

    private void Record(int pid, ProcessFds? fds, int fdCount)
    {
        ChangedLastRefresh = true;
        _walkedThisRefresh.Add(pid);
        FdsWalkedLastRefresh += fdCount;
        if (fds is not null)
        {
            _cache[pid] = fds;
        }
        else
        {
            _cache.Remove(pid);
            _vanished++;
        }
    }

    /// <summary>The ticks since <paramref name="since"/>, which moves on to now.</summary>
    private static long Lap(ref long since)
    {
        long now = Stopwatch.GetTimestamp();
        long lap = now - since;
        since = now;
        return lap;
    }

    private HolderMap Map() => _map = HolderMap.Build(_cache.Values.OrderBy(p => p.Pid), _vanished);
}
