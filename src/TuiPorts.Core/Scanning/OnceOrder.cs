namespace TuiPorts.Core.Scanning;

/// <summary>
/// The order <c>--once</c> prints sockets in, over <see cref="OnceSocket"/>s: by protocol, then as the UI sorts by
/// port (port, role, held before kernel-owned, inode or the peer's port, the peer's port), then as they arrived - what
/// <c>OnceCommand.Ordered</c> gives a snapshot's entries.
/// </summary>
public sealed class OnceOrder : IComparer<OnceSocket>
{
    public static OnceOrder Instance { get; } = new();

    public int Compare(OnceSocket x, OnceSocket y)
    {
        int c = ((int)x.Protocol).CompareTo((int)y.Protocol);
        c = c != 0 ? c : x.LocalPort.CompareTo(y.LocalPort);
        c = c != 0 ? c : ((int)x.Role).CompareTo((int)y.Role);
        c = c != 0 ? c : y.Held.CompareTo(x.Held);
        c = c != 0 ? c : x.Identity.CompareTo(y.Identity);
        c = c != 0 ? c : x.RemotePort.CompareTo(y.RemotePort);
        return c != 0 ? c : x.Arrival.CompareTo(y.Arrival);
    }
}
