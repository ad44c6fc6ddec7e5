using System.Net;

namespace TuiPorts.Core.Model;

/// <summary>What a socket is for; the JSON value is the lower-case name.</summary>
public enum SocketRole
{
    /// <summary>TCP LISTEN, or an unconnected bound UDP socket: the server that owns the port.</summary>
    Listener,

    /// <summary>A TCP socket on a listener's local address and port: the server side of a connection.</summary>
    Accepted,

    /// <summary>Everything else: outbound connections, connected UDP.</summary>
    Client,
}

public static class SocketRoleExtensions
{
    public static string Name(this SocketRole role) => role switch
    {
        SocketRole.Listener => "listener",
        SocketRole.Accepted => "accepted",
        _ => "client",
    };
}

/// <summary>
/// Classifies sockets by role. Built from the listeners of every namespace first; a TCP socket whose local port and
/// address belong to a listener of the same namespace (its exact address, or a wildcard one; IPv4-mapped IPv6
/// addresses count as their IPv4 address, since a dual-stack listener serves both) is the accepted side.
/// </summary>
public sealed class ListenerIndex
{
    private readonly HashSet<(ulong Netns, int Port)> _wildcard = [];
    private readonly HashSet<(ulong Netns, int Port, IPAddress Address)> _bound = [];

    public void Add(ulong netns, NetTableRow row)
    {
        if (!row.Protocol.IsTcp() || row.State != SocketStates.Listen)
        {
            return;
        }

        var address = Normalize(row.LocalAddress);
        if (IsWildcard(address))
        {
            _wildcard.Add((netns, row.LocalPort));
        }
        else
        {
            _bound.Add((netns, row.LocalPort, address));
        }
    }

    public SocketRole RoleOf(ulong netns, NetTableRow row)
    {
        if (SocketStates.IsListening(row.State) && (row.Protocol.IsTcp() || row.RemotePort == 0))
        {
            return SocketRole.Listener;
        }

        return row.Protocol.IsTcp()
            && (_wildcard.Contains((netns, row.LocalPort)) || _bound.Contains((netns, row.LocalPort, Normalize(row.LocalAddress))))
            ? SocketRole.Accepted
            : SocketRole.Client;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
