using System.Diagnostics;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// Where the last refresh's time went, stage by stage, in <see cref="Stopwatch"/> ticks (one timestamp read per stage:
/// ~20 ns, nothing allocated). Written by the engine during <see cref="ProcSnapshotSource.Take"/>, read by
/// <c>tuiports bench</c> after it returns; the dump's three fields are written on the thread that ran the dump, before
/// the task the refresh waits for completes.
/// </summary>
public sealed class RefreshStages
{
    /// <summary>Listing /proc (the pids).</summary>
    public long ListProc { get; set; }

    /// <summary>The identity check (start time) of every known process.</summary>
    public long IdentityChecks { get; set; }

    /// <summary>Phase 1 fd walks: new, replaced and periodically re-walked processes.</summary>
    public long FdWalk { get; set; }

    /// <summary>From handing the dump to the thread pool to its start on a pool thread.</summary>
    public long DumpQueued { get; set; }

    /// <summary>The own namespace's sock_diag dumps (or /proc/net files), records compared and decoded when changed.</summary>
    public long Dump { get; set; }

    /// <summary>How long the refresh waited for the dump after its own walk (zero when the dump finished first).</summary>
    public long DumpWait { get; set; }

    /// <summary>Other network namespaces' /proc/&lt;pid&gt;/net files.</summary>
    public long OtherNamespaces { get; set; }

    /// <summary>Phase 2: the search for holders of inodes no cached process holds.</summary>
    public long NewInodeSearch { get; set; }

    /// <summary>Role index, join, de-duplication and the snapshot record (zero when the refresh changed nothing).</summary>
    public long Join { get; set; }

    /// <summary>The whole refresh.</summary>
    public long Total { get; set; }

    /// <summary>The stages by name, in milliseconds.</summary>
    public IEnumerable<(string Name, double Ms)> InMilliseconds()
    {
        yield return ("list /proc", Ms(ListProc));
        yield return ("identity checks", Ms(IdentityChecks));
        yield return ("fd walk", Ms(FdWalk));
        yield return ("dump queued", Ms(DumpQueued));
        yield return ("sock_diag dumps", Ms(Dump));
        yield return ("wait for dump", Ms(DumpWait));
        yield return ("other namespaces", Ms(OtherNamespaces));
        yield return ("new-inode search", Ms(NewInodeSearch));
        yield return ("decode/join", Ms(Join));
        yield return ("total", Ms(Total));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
