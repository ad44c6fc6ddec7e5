using System.Collections.Immutable;
using System.Diagnostics;
using TuiPorts.Core.Interop;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The engine: walks every fd once (<see cref="HolderMap"/>), reads the socket tables of every namespace seen
/// (<see cref="NamespaceTables"/>), and joins them into an immutable <see cref="Snapshot"/>.
/// </summary>
public sealed partial class ProcSnapshotSource : ISnapshotSource
{
    private readonly ProcRoot _root;
    private readonly TimeProvider _time;
    private readonly ProcessReader _processes;
    private readonly HolderScanner _holders;
    private readonly Dictionary<(int Pid, ulong Start), ProcessInfo> _processFacts = [];
    private readonly ISocketTableSource _ownTables;
    private readonly bool _isRoot;
    private readonly TrafficMeter _traffic = new();
    private readonly KeptEntries? _entries = new();

    /// <param name="fdReader">How <c>/proc/&lt;pid&gt;/fd</c> is read; the kernel by default.</param>
    /// <param name="ownTables">Where the own namespace's tables come from; by default sock_diag on a real procfs, else files.</param>
    public ProcSnapshotSource(
        ProcRoot root, TimeProvider? time = null, bool? isRoot = null, TimeSpan? fullRescanPeriod = null, ISocketTableSource? ownTables = null,
        IFdTableReader? fdReader = null)
    {
        _root = root;
        _time = time ?? TimeProvider.System;
        _processes = new ProcessReader(root);
        _holders = new HolderScanner(root, _time, fdReader) { FullRescanPeriod = fullRescanPeriod ?? HolderScanner.DefaultFullRescanPeriod };
        _isRoot = isRoot ?? Privileges.IsRoot;
        _ownTables = ownTables ?? SocketTableSource.For(root);
    }

    /// <summary>
    /// Narrows every scan to sockets whose local or remote port matches (the kernel filters the dump): the refresh
    /// then costs what the matches cost. Set from any thread; the next scan uses it. Null: every socket.
    /// </summary>
    public Filtering.PortFilter? Prefilter
    {
        get => Volatile.Read(ref _prefilter);
        set => Volatile.Write(ref _prefilter, value);
    }

    private Filtering.PortFilter? _prefilter;

    /// <summary>
    /// Whether the next snapshots hand an unchanged socket on as the same <see cref="SocketEntry"/> object (the live
    /// views, on by default). A one-shot sets it off: its only snapshot would keep a second index of every socket.
    /// </summary>
    public bool ReusesEntries
    {
        get => _entries is not null;
        init => _entries = value ? new KeptEntries() : null;
    }

    /// <summary>What the last refresh's holder scan did (the benchmark's links read; tests).</summary>
    public HolderScan? LastScan { get; private set; }

    /// <summary>Where the last refresh's time went, per stage (for <c>tuiports bench</c>).</summary>
    public RefreshStages Stages => _holders.Stages;

    public Snapshot Take()
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return TakeStaged();
        }
        finally
        {
            Stages.Total = Stopwatch.GetTimestamp() - started;
        }
    }

    private Snapshot TakeStaged()
    {
        var stages = Stages;
        var takenAt = _time.GetUtcNow(); // shown as a time of day; durations use measuredAt
        long measuredAt = _time.GetTimestamp();
        ulong ownNetns = NetnsReader.ReadOwn(_root);

        var prefilter = Prefilter;
        var (scan, own) = WalkAndDump(ownNetns, prefilter, stages);
        if (scan.WasFull)
        {
            _processFacts.Clear();
        }

        long stage = Stopwatch.GetTimestamp();
        var traffic = _traffic.Next(own.TcpInfo, _time.GetElapsedTime(0, measuredAt));
        var namespaces = NamespaceTables.ReadAll(_root, own, ownNetns, scan.Map, prefilter);
        stages.OtherNamespaces = Stopwatch.GetTimestamp() - stage;
        var tables = namespaces.SelectMany(ns => ns.Tables).ToList();
        bool sameTables = _last is { } previous && previous.Prefilter == prefilter
            && previous.Tables.Count == tables.Count && previous.Tables.Zip(tables).All(pair => ReferenceEquals(pair.First, pair.Second));
        stages.NewInodeSearch = 0;
        if (scan.Changed || !sameTables)
        {
            // the same dumps and the same holders leave no inode without a holder it had not last time: no search
            scan = _holders.FindHolders(scan, namespaces.SelectMany(ns => ns.Tables).SelectMany(t => t.Rows));
        }

        LastScan = scan;
        var holders = scan.Map;
        bool factsChanged = RecheckFacts(scan);
        stage = Stopwatch.GetTimestamp();
        stages.Join = 0;
        if (!scan.Changed && !factsChanged && sameTables && _last is { } last)
        {
            // the same dumps and the same holders: the same picture, without decoding or joining again (only the
            // connections' counters may have moved: the same sockets with new traffic)
            if (!ReferenceEquals(traffic, last.Snapshot.Traffic))
            {
                _last = last with { Snapshot = last.Snapshot with { TakenAt = takenAt, Traffic = traffic } };
            }

            return _last.Value.Snapshot;
        }

        var listeners = new ListenerIndex();
        foreach (var ns in namespaces)
        {
            foreach (var row in ns.RoleRows)
            {
                listeners.Add(ns.Netns, row);
            }
        }

        var processCache = new Dictionary<int, ProcessInfo?>();
        var fdCache = new SingleFds();
        int rows = tables.Sum(t => t.Rows.Count);
        var seen = new SeenSockets(rows);
        var sockets = ImmutableArray.CreateBuilder<SocketEntry>(rows); // sized: 50k sockets grow no list and copy none
        int malformed = 0;
        var problems = new List<MalformedTable>();
        foreach (var ns in namespaces)
        {
            problems.AddRange(ns.Malformed);
            foreach (var table in ns.Tables)
            {
                malformed += table.MalformedLines;
                foreach (var row in table.Rows)
                {
                    if (seen.Add(row, ns.Netns)) // the kernel repeats rows under churn
                    {
                        var entry = Join(row, ns.Netns, listeners.RoleOf(ns.Netns, row), holders, processCache, fdCache, _entries?.Previous(row, ns.Netns));
                        _entries?.Keep(entry);
                        sockets.Add(entry);
                    }
                }
            }
        }

        _entries?.EndJoin();

        // No canonical sort: the kernel lists sockets in hash-table order, which stays put while nothing changes, so
        // "same content" comparisons still hold; views sort for display (sorting 50k entries here cost ~25 ms).
        var stats = new ScanStats(
            holders.Processes, holders.Fds, holders.SocketFds, holders.ProcessesDenied,
            holders.ProcessesVanished, namespaces.Count, malformed, _isRoot);
        var joined = sockets.Count == sockets.Capacity ? sockets.MoveToImmutable() : sockets.ToImmutable();
        var snapshot = new Snapshot(takenAt, ownNetns, new EquatableArray<SocketEntry>(joined), new EquatableArray<MalformedTable>(problems), stats)
        {
            Traffic = traffic,
        };
        if (prefilter is not null)
        {
            // the total the filter hid: counted where the rows were read anyway, else from /proc/net/sockstat (own namespace)
            int total = namespaces.Sum(ns => ns.RowsBeforeNarrowing ?? (ns.Netns == ownNetns ? SockStat.Total(_root) ?? 0 : 0));
            snapshot = snapshot with { Scope = prefilter.Text, TotalSockets = Math.Max(total, joined.Length) };
        }

        _last = (prefilter, tables, snapshot);
        stages.Join = Stopwatch.GetTimestamp() - stage;
        return snapshot;
    }

    /// <summary>Below this many processes to walk, the dump runs on this thread after the walk (no thread-pool hand-off).</summary>
    public const int InlineDumpBelow = HolderScanner.ParallelWalkThreshold;

    /// <summary>
    /// The fd walk and the own namespace's dump. They are independent kernel work: a large walk (a cold start, a
    /// namespace full of new processes) runs beside the dump on a second core; a small one (every quiet refresh) runs
    /// first and the dump after it on this thread, which saves the hand-off to a pool thread and its wake-ups.
    /// </summary>
    private (HolderScan Scan, NamespaceTables Own) WalkAndDump(ulong ownNetns, Filtering.PortFilter? prefilter, RefreshStages stages)
    {
        var plan = _holders.BeginScan();
        if (plan.ProcessesToWalk < InlineDumpBelow)
        {
            var scan = _holders.FinishScan(plan);
            long start = Stopwatch.GetTimestamp();
            var read = _ownTables.ReadOwn(ownNetns, prefilter);
            stages.Dump = Stopwatch.GetTimestamp() - start;
            stages.DumpQueued = 0;
            stages.DumpWait = 0;
            return (scan, read);
        }

        long queued = Stopwatch.GetTimestamp();
        var ownTables = Task.Run(() =>
        {
            long start = Stopwatch.GetTimestamp();
            stages.DumpQueued = start - queued;
            var read = _ownTables.ReadOwn(ownNetns, prefilter);
            stages.Dump = Stopwatch.GetTimestamp() - start;
            return read;
        });
        var holders = _holders.FinishScan(plan);
        long waiting = Stopwatch.GetTimestamp();
        var own = ownTables.GetAwaiter().GetResult();
        stages.DumpWait = Stopwatch.GetTimestamp() - waiting;
        return (holders, own);
    }

    /// <summary>
    /// The processes walked again this refresh (the spread periodic walk among them) have their facts read again, so
    /// a rewritten command line is at most one walk period old. True when a fact changed: the picture must be rebuilt.
    /// </summary>
    private bool RecheckFacts(HolderScan scan)
    {
        var holders = scan.Map;
        bool changed = false;
        foreach (int pid in scan.Walked)
        {
            if (!holders.StartTimeByPid.TryGetValue(pid, out ulong start) || !_processFacts.TryGetValue((pid, start), out var known))
            {
                continue; // not a holder shown so far: read when first joined
            }

            var now = _processes.Read(pid);
            if (now is null || now.StartTimeTicks != start)
            {
                _processFacts.Remove((pid, start));
                changed = true;
            }
            else if (!now.Equals(known))
            {
                _processFacts[(pid, start)] = now;
                changed = true;
            }
        }

        if (_processFacts.Count > (2 * holders.Processes) + 64)
        {
            // facts of processes gone since (a full rescan used to drop them all every period)
            foreach (var key in _processFacts.Keys.Where(k => !holders.StartTimeByPid.TryGetValue(k.Pid, out ulong s) || s != k.Start).ToList())
            {
                _processFacts.Remove(key);
            }
        }

        return changed;
    }

    /// <summary>The last refresh's inputs (prefilter, the very table objects) and its snapshot.</summary>
    private (Filtering.PortFilter? Prefilter, List<NetTable> Tables, Snapshot Snapshot)? _last;
}
