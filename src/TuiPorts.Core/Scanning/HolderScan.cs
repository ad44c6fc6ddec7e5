namespace TuiPorts.Core.Scanning;

/// <summary>
/// What one refresh of <see cref="HolderScanner"/> found: the holder map and what the refresh did to get it. Nothing in
/// it changes afterwards; the next refresh hands out a new one.
/// </summary>
/// <param name="Map">Socket inode to holders, each holder's namespace and identity.</param>
/// <param name="Changed">
/// False when every process was as it was (nothing walked found new holdings, nothing gone): the map is then the very
/// object of the refresh before.
/// </param>
/// <param name="WasFull">Every process was walked (the first refresh, or one after a pause of a whole period).</param>
/// <param name="Walked">The processes walked (both phases): their cached facts may have changed.</param>
/// <param name="FdsWalked">Links read (one readlink each), the search for new sockets' holders included.</param>
/// <param name="ProcessesSearched">Processes walked by the search for new sockets' holders.</param>
public sealed record HolderScan(HolderMap Map, bool Changed, bool WasFull, IReadOnlySet<int> Walked, int FdsWalked, int ProcessesSearched)
{
    /// <summary>The refresh this scan came from: the search may only add to the current one.</summary>
    internal long Refresh { get; init; }
}

/// <summary>
/// What <see cref="HolderScanner.BeginScan"/> picked for its refresh: hand it to <see cref="HolderScanner.FinishScan"/>
/// (here, or on another thread while the dump runs).
/// </summary>
/// <param name="ProcessesToWalk">How many fd tables the walk will read: small walks are not worth a second thread.</param>
public sealed record WalkPlan(int ProcessesToWalk)
{
    internal long Refresh { get; init; }
}
