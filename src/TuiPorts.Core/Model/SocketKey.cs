using System.Net;

namespace TuiPorts.Core.Model;

/// <summary>
/// A socket's identity across refreshes: (namespace, protocol, inode); rows without an inode (TIME_WAIT, SYN_RECV)
/// are keyed by their 5-tuple and state instead. In a view of several hosts the host is part of it too.
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
    /// <summary>The host the socket lives on (<c>--ssh</c>); null for this machine when only it is shown.</summary>
    public string? Host { get; init; }

    public static SocketKey ForInode(ulong netns, Protocol protocol, ulong inode) =>
        new(netns, protocol, inode, null, 0, null, 0, null);

    /// <summary>The key of a row without an inode (TIME_WAIT, SYN_RECV): its two ends and its state.</summary>
    public static SocketKey ForEnds(ulong netns, Protocol protocol, IPAddress local, int localPort, IPAddress remote, int remotePort, string state) =>
        new(netns, protocol, 0, local, localPort, remote, remotePort, state);
}
