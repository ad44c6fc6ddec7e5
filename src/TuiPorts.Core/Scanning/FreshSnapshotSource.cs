using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// A snapshot source that keeps nothing between takes: every <see cref="Take"/> is a new engine, so no cached holder
/// list can hide a process that bound a port since the last look. A kill's port watch uses it.
/// </summary>
public sealed class FreshSnapshotSource(ProcRoot root) : ISnapshotSource
{
    public Snapshot Take() => new ProcSnapshotSource(root) { ReusesEntries = false }.Take();
}
