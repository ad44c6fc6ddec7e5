using System.Net;

namespace TuiPorts.Core.Snapshots;

/// <summary>
/// A socket's identity across refreshes: (namespace, protocol, inode); rows without an inode (TIME_WAIT, SYN_RECV)
/// are keyed by their 5-tuple and state instead.
/// </summary>
public readonly record struct SocketKey(
    ulong Netns,
    Protocol Protocol,
    ulong Inode,
    IPAddress? LocalAddress,
    int LocalPort,
    IPAddress? RemoteAddress,
    int RemotePort,
    string? State)
{
    public static SocketKey ForInode(ulong netns, Protocol protocol, ulong inode) =>
        new(netns, protocol, inode, null, 0, null, 0, null);
}
