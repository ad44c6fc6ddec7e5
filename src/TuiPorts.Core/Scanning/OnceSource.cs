using TuiPorts.Core.Interop;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// A one-shot without a snapshot: the same walk, dumps and files as <see cref="ProcSnapshotSource"/>'s first refresh,
/// decoded straight into <see cref="OnceSockets"/> and handed over as a <see cref="OncePicture"/> that is written
/// socket by socket. Nothing is kept for a next refresh (there is none): no dump, no decoded rows, no entries.
/// </summary>
public sealed class OnceSource(ProcRoot root, TimeProvider? time = null, bool? isRoot = null, IFdTableReader? fdReader = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The picture of every socket whose local or remote port matches <paramref name="prefilter"/> (all for null), or
    /// null when a table held something the compact form cannot carry (<see cref="OnceSockets.Fits"/>): take a snapshot.
    /// </summary>
    public OncePicture? Take(Filtering.PortFilter? prefilter = null)
    {
        var takenAt = _time.GetUtcNow();
        ulong ownNetns = NetnsReader.ReadOwn(root);
        bool sockDiag = root.IsRealProcfs();
        // sized once for every socket of the machine when all are read (a port filter reads few: they grow as they come)
        var sockets = sockDiag && prefilter is null && SockStat.Tcp(root) is { } tcp
            ? new OnceSockets(Expected(SockStat.Total(root) ?? tcp), Expected(tcp))
            : new OnceSockets();

        // the first walk of a new scanner is full: every process's fds are read, so no socket can be found by the
        // search for new sockets' holders that a snapshot's refresh runs after it (it would walk nobody)
        var scanner = new HolderScanner(root, _time, fdReader);
        var (scan, fromKernel) = WalkAndDump(scanner, () => sockDiag && OnceDump.TryRead(sockets, ownNetns, prefilter));

        // the walk's scratch (each process's fd lists, grown as they were read) is garbage now and little is live:
        // collected here, the rest of an unfiltered run allocates into memory already touched, where a collection
        // later (mid write, with the picture live) would move more to fresh pages (10k sockets: 18.3 -> 17.8 MiB). A
        // port filter reads few sockets and allocates too little after the walk for any collection: none is forced.
        if (prefilter is null)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
        var malformed = new List<MalformedTable>();
        int malformedLines = 0;
        if (!fromKernel)
        {
            sockets.Clear(); // the kernel refused a dump: every row, slot and listener comes from the files instead
            Add(sockets, new ProcNetTableSource(root).ReadOwn(ownNetns, prefilter), malformed, ref malformedLines);
        }

        var others = NamespaceTables.ReadOthers(root, ownNetns, scan.Map, prefilter);
        foreach (var ns in others)
        {
            Add(sockets, ns, malformed, ref malformedLines);
        }

        if (!sockets.Fits)
        {
            return null;
        }

        var map = scan.Map;
        return new OncePicture(sockets, new OnceHolders(map, new ProcessReader(root)))
        {
            TakenAt = takenAt,
            OwnNetns = ownNetns,
            TcpInfoAvailable = fromKernel,
            Stats = new ScanStats(
                map.Processes, map.Fds, map.SocketFds, map.ProcessesDenied, map.ProcessesVanished, 1 + others.Count, malformedLines,
                isRoot ?? Privileges.IsRoot),
            Malformed = malformed,
        };
    }

    /// <summary>net/sockstat's count, with room for sockets opened meanwhile (as the snapshot's dump buffers are sized).</summary>
    private static int Expected(int sockets) => sockets + (sockets / 8) + 64;

    /// <summary>The fd walk and the own namespace's dump, beside each other on two cores when the walk is large.</summary>
    private static (HolderScan Scan, bool FromKernel) WalkAndDump(HolderScanner scanner, Func<bool> dump)
    {
        var plan = scanner.BeginScan();
        if (plan.ProcessesToWalk < ProcSnapshotSource.InlineDumpBelow)
        {
            var scan = scanner.FinishScan(plan);
            return (scan, dump());
        }

        var dumped = Task.Run(dump);
        var walked = scanner.FinishScan(plan);
        return (walked, dumped.GetAwaiter().GetResult());
    }

    /// <summary>A namespace's table rows (in table order) and the rows that decide its roles.</summary>
    private static void Add(OnceSockets sockets, NamespaceTables ns, List<MalformedTable> malformed, ref int malformedLines)
    {
        malformed.AddRange(ns.Malformed);
        foreach (var row in ns.RoleRows)
        {
            sockets.AddListener(ns.Netns, row);
        }

        foreach (var table in ns.Tables)
        {
            malformedLines += table.MalformedLines;
            foreach (var row in table.Rows)
            {
                sockets.Add(ns.Netns, row);
            }
        }
    }
}
