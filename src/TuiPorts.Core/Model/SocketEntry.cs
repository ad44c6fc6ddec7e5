using System.Net;

namespace TuiPorts.Core.Model;

/// <summary>One socket of one network namespace, with all of its holders.</summary>
public sealed record SocketEntry(
    Protocol Protocol,
    string State,
    IPAddress LocalAddress,
    int LocalPort,
    IPAddress RemoteAddress,
    int RemotePort,
    long TxQueue,
    long RxQueue,
    int Uid,
    ulong Inode,
    ulong Netns,
    bool HoldersHidden,
    EquatableArray<SocketHolder> Holders)
{
    public SocketKey Key => (Inode != 0
        ? SocketKey.ForInode(Netns, Protocol, Inode)
        : SocketKey.ForEnds(Netns, Protocol, LocalAddress, LocalPort, RemoteAddress, RemotePort, State)) with { Host = Host };

    /// <summary>
    /// The host this socket was read on, as <c>ssh</c> names it (<c>--ssh web1</c>), or this machine's name when it is
    /// shown among remote hosts (<c>--local</c>); null when tuiports shows this machine alone.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>Listener, accepted (server side of a connection) or client.</summary>
    public SocketRole Role { get; init; } = SocketRole.Client;

    public bool IsListening => SocketStates.IsListening(State);

    public string LocalEndpoint => FormatEndpoint(LocalAddress, LocalPort);

    public string RemoteEndpoint => FormatEndpoint(RemoteAddress, RemotePort);

    /// <summary><c>127.0.0.1:9000</c>, <c>[::1]:9000</c>, <c>*:9000</c> for the wildcard like ss.</summary>
    public static string FormatEndpoint(IPAddress address, int port)
    {
        string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "*"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : address.ToString();
        return port == 0 && host == "*" ? "*:*" : $"{host}:{port}";
    }
}
