namespace TuiPorts.Core.Scanning;

/// <summary>Something that can take a snapshot: the engine over a proc root, or a fake in tests.</summary>
public interface ISnapshotSource
{
    Snapshot Take();
}
