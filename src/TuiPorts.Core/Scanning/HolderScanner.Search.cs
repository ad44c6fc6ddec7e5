using System.Diagnostics;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>Phase 2 of a refresh: finding the holders of sockets that appeared since the last one.</summary>
public sealed partial class HolderScanner
{
    /// <summary>
    /// Phase 2: for socket-table rows whose inode no cached process holds, walk the likely holders first and stop when
    /// all are found. Inodes nobody holds (kernel sockets, hidden holders) are remembered until the next full rescan.
    /// </summary>
    /// <param name="scan">This refresh's scan (<see cref="FinishScan"/>): the search adds to it.</param>
    /// <exception cref="InvalidOperationException">The scan is not from this scanner's latest refresh.</exception>
    public HolderScan FindHolders(HolderScan scan, IEnumerable<NetTableRow> allRows)
    {
        EnsureCurrent(scan.Refresh);
        long start = Stopwatch.GetTimestamp();
        try
        {
            var map = Search(scan.Map, allRows);
            return ReferenceEquals(map, scan.Map) ? scan : Result(map);
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
        var candidates = Candidates(map, rows, unmatched).ToList();
        var live = new HashSet<ulong>(rows.Count); // sized: 50k inodes grow no tables
        foreach (var row in rows)
        {
            live.Add(row.Inode);
        }


        // first the links that can have changed (new fd numbers, numbers of closed sockets), then, for sockets still
        // unfound (a number that held a file last time now holds one), every link of the candidates
        SearchWalk(candidates, missing, pid => _fdNumbers.TryGetValue(pid, out var numbers) && _cache.TryGetValue(pid, out var known)
            ? new FdWalk(numbers, known.Sockets, live.Contains)
            : null);
        SearchWalk(candidates, missing, _ => new FdWalk());

        if (_unheld.Count > UnheldPruneAbove)
        {
            // inodes nobody held that are gone from the tables (closed kernel sockets) need no remembering
            _unheld.IntersectWith(live);
        }

        _unheld.UnionWith(missing);
        return Map();
    }

    /// <summary>Walks candidates (as <paramref name="walkFor"/> says; null skips one) until no socket is missing.</summary>
    private void SearchWalk(List<int> candidates, HashSet<ulong> missing, Func<int, FdWalk?> walkFor)
    {
        foreach (int pid in candidates)
        {
            if (missing.Count == 0)
            {
                return;
            }

            if (_walkedThisRefresh.Contains(pid) && !_walkedIncrementally.Contains(pid))
            {
                continue; // walked fully already
            }

            if (walkFor(pid) is not { } walk)
            {
                continue;
            }

            Walk(pid, walk);
            _processesSearched++;
            if (_cache.TryGetValue(pid, out var walked))
            {
                foreach (var socket in walked.Sockets)
                {
                    missing.Remove(socket.Inode);
                }
            }
        }
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
            if (target is null)
            {
                continue;
            }

            foreach (var (pid, _) in map.HoldersOf(row.Inode))
            {
                target.Add(pid);
            }
        }

        return byLocalPort.Concat(byPeer).Concat(_cache.Keys.OrderByDescending(pid => pid)).Distinct();
    }
}
