using System.Net;
using System.Runtime.CompilerServices;

namespace TuiPorts.Core.Model;

/// <summary>
/// Links the two ends of connections that both live in one snapshot: a socket's peer is the socket of the same
/// transport (TCP or UDP), network namespace and host whose local and remote endpoints are this one's swapped. An
/// IPv4-mapped IPv6 address (<c>::ffff:127.0.0.1</c>, a dual-stack server's view) matches its IPv4 form. Built once
/// per snapshot, on first use.
/// </summary>
public sealed class PeerIndex
{
    private static readonly ConditionalWeakTable<Snapshot, PeerIndex> Built = new();

    private readonly Dictionary<EndKey, SocketEntry> _byEnds;

    private PeerIndex(IReadOnlyList<SocketEntry> sockets)
    {
        _byEnds = new Dictionary<EndKey, SocketEntry>(sockets.Count);
        foreach (var socket in sockets)
        {
            if (IsConnected(socket))
            {
                _byEnds.TryAdd(KeyOf(socket, reversed: false), socket);
            }
        }
    }

    /// <summary>The index of <paramref name="snapshot"/>'s sockets (built the first time it is asked for).</summary>
    public static PeerIndex Of(Snapshot snapshot) => Built.GetValue(snapshot, s => new PeerIndex(s.Sockets));

    /// <summary>The other end on this host, or null.</summary>
    public SocketEntry? PeerOf(SocketEntry socket) =>
        IsConnected(socket) && _byEnds.TryGetValue(KeyOf(socket, reversed: true), out var peer) && !ReferenceEquals(peer, socket) && peer.Key != socket.Key
            ? peer
            : null;

    /// <summary>Whether the socket has another end to look for (a connection, not a listener or an unconnected socket).</summary>
    public static bool IsConnected(SocketEntry socket) =>
        socket.RemotePort != 0 && !socket.IsListening && !socket.RemoteAddress.Equals(IPAddress.Any) && !socket.RemoteAddress.Equals(IPAddress.IPv6Any);

    private static EndKey KeyOf(SocketEntry socket, bool reversed)
    {
        var local = Plain(socket.LocalAddress);
        var remote = Plain(socket.RemoteAddress);
        return reversed
            ? new EndKey(socket.Host, socket.Netns, socket.Protocol.IsTcp(), remote, socket.RemotePort, local, socket.LocalPort)
            : new EndKey(socket.Host, socket.Netns, socket.Protocol.IsTcp(), local, socket.LocalPort, remote, socket.RemotePort);
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private readonly record struct EndKey(string? Host, ulong Netns, bool Tcp, IPAddress Local, int LocalPort, IPAddress Remote, int RemotePort);
}
