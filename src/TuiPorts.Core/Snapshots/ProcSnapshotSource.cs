using System.Net;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Snapshots;

/// <summary>
/// The engine: walks every fd once (<see cref="HolderMap"/>), reads the socket tables of every namespace seen
/// (<see cref="NamespaceTables"/>), and joins them into an immutable <see cref="Snapshot"/>.
/// </summary>
public sealed class ProcSnapshotSource : ISnapshotSource
{
    private readonly ProcRoot _root;
    private readonly TimeProvider _time;
    private readonly ProcessReader _processes;
    private readonly HolderScanner _holders;
    private readonly bool _isRoot;

    public ProcSnapshotSource(ProcRoot root, TimeProvider? time = null, bool? isRoot = null, TimeSpan? fullRescanPeriod = null)
    {
        _root = root;
        _time = time ?? TimeProvider.System;
        _processes = new ProcessReader(root);
        _holders = new HolderScanner(root, _time) { FullRescanPeriod = fullRescanPeriod ?? TimeSpan.FromSeconds(10) };
        _isRoot = isRoot ?? NativeMethods.GetEffectiveUserId() == 0;
        UseSockDiag = root.Path == ProcRoot.Default.Path;
    }

    public ProcRoot Root => _root;

    /// <summary>
    /// Read the own namespace's tables through NETLINK_SOCK_DIAG (faster) instead of /proc/net. Only meaningful for
    /// the real /proc: a fixture tree is always read as files. /proc/net stays the fallback.
    /// </summary>
    public bool UseSockDiag { get; init; }

    /// <summary>The holder walk behind this source (its last refresh's cost, for the benchmark).</summary>
    public HolderScanner Holders => _holders;

    public Snapshot Take()
    {
        var takenAt = _time.GetUtcNow();
        var holders = _holders.Refresh();
        ulong ownNetns = NetnsReader.ReadOwn(_root);
        var namespaces = NamespaceTables.ReadAll(_root, ownNetns, holders, UseSockDiag);
        holders = _holders.FindHolders(holders, namespaces.SelectMany(ns => ns.Tables).SelectMany(t => t.Rows).ToList());

        var processCache = new Dictionary<int, ProcessInfo?>();
        var seen = new HashSet<SocketKey>();
        var sockets = new List<SocketEntry>();
        int malformed = 0;
        var warnings = new List<string>();
        foreach (var ns in namespaces)
        {
            warnings.AddRange(ns.Problems);
            foreach (var table in ns.Tables)
            {
                malformed += table.MalformedLines;
                foreach (var row in table.Rows)
                {
                    var entry = Join(row, ns.Netns, holders, processCache);
                    if (seen.Add(entry.Key)) // the kernel repeats rows under churn
                    {
                        sockets.Add(entry);
                    }
                }
            }
        }

        sockets.Sort(SocketOrder.Instance);
        int hidden = sockets.Count(s => s.OwnersHidden);
        if (hidden > 0)
        {
            warnings.Insert(0, _isRoot
                ? $"owners of {hidden} sockets hidden: {holders.ProcessesDenied} processes refuse access to their fds even to root"
                : $"owners of {hidden} sockets hidden: run as root to see them");
        }

        var stats = new ScanStats(
            holders.Processes, holders.Fds, holders.SocketFds, holders.ProcessesDenied,
            holders.ProcessesVanished, namespaces.Count, malformed, _isRoot);
        return new Snapshot(takenAt, ownNetns, new EquatableArray<SocketEntry>(sockets), new EquatableArray<string>(warnings), stats);
    }

    private SocketEntry Join(NetTableRow row, ulong netns, HolderMap holders, Dictionary<int, ProcessInfo?> processCache)
    {
        var owners = new List<SocketOwner>();
        if (row.Inode != 0)
        {
            foreach (var byPid in holders.HoldersOf(row.Inode).GroupBy(h => h.Pid).OrderBy(g => g.Key))
            {
                if (!processCache.TryGetValue(byPid.Key, out var process))
                {
                    process = _processes.Read(byPid.Key);
                    processCache[byPid.Key] = process;
                }

                if (process is not null) // null: exited since the fd walk
                {
                    owners.Add(new SocketOwner(process, new EquatableArray<int>(byPid.Select(h => h.Fd).Order())));
                }
            }
        }

        bool hidden = owners.Count == 0 && row.Inode != 0
            && (holders.NamespacesWithDeniedProcesses.Contains(netns) || holders.NamespacesWithDeniedProcesses.Contains(0));
        return new SocketEntry(
            row.Protocol, row.State, row.LocalAddress, row.LocalPort, row.RemoteAddress, row.RemotePort,
            row.TxQueue, row.RxQueue, row.Uid, row.Inode, netns, hidden, new EquatableArray<SocketOwner>(owners));
    }

    /// <summary>The canonical order of a snapshot: protocol, local port, local address, remote, state, inode.</summary>
    private sealed class SocketOrder : IComparer<SocketEntry>
    {
        public static readonly SocketOrder Instance = new();

        public int Compare(SocketEntry? x, SocketEntry? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            int c = x.Protocol.CompareTo(y.Protocol);
            if (c == 0) c = x.LocalPort.CompareTo(y.LocalPort);
            if (c == 0) c = CompareAddress(x.LocalAddress, y.LocalAddress);
            if (c == 0) c = CompareAddress(x.RemoteAddress, y.RemoteAddress);
            if (c == 0) c = x.RemotePort.CompareTo(y.RemotePort);
            if (c == 0) c = string.CompareOrdinal(x.State, y.State);
            if (c == 0) c = x.Netns.CompareTo(y.Netns);
            return c != 0 ? c : x.Inode.CompareTo(y.Inode);
        }

        private static int CompareAddress(IPAddress a, IPAddress b)
        {
            Span<byte> left = stackalloc byte[16];
            Span<byte> right = stackalloc byte[16];
            a.TryWriteBytes(left, out int l);
            b.TryWriteBytes(right, out int r);
            return left[..l].SequenceCompareTo(right[..r]);
        }
    }
}
