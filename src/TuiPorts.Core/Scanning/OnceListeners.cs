namespace TuiPorts.Core.Scanning;

/// <summary>
/// The TCP listeners of a one-shot by namespace, port and plain address (or wildcard), as <see cref="ListenerIndex"/>
/// keeps them for a snapshot: what makes a connection the accepted side of a listener.
/// </summary>
internal sealed class OnceListeners(AddressTable addresses)
{
    private readonly HashSet<(int Netns, int Port)> _wildcard = [];
    private readonly HashSet<(int Netns, int Port, int Address)> _bound = [];

    /// <param name="address">The listener's local address (index).</param>
    public void Add(int netns, int port, int address)
    {
        int plain = addresses.PlainOf(address);
        if (addresses.IsAny(plain))
        {
            _wildcard.Add((netns, port));
        }
        else
        {
            _bound.Add((netns, port, plain));
        }
    }

    public void Clear()
    {
        _wildcard.Clear();
        _bound.Clear();
    }

    /// <param name="listening">The socket's state is LISTEN or UNCONN.</param>
    public SocketRole RoleOf(in OnceSocket socket, bool listening)
    {
        bool tcp = socket.Protocol.IsTcp();
        if (listening && (tcp || socket.RemotePort == 0))
        {
            return SocketRole.Listener;
        }

        return tcp && (_wildcard.Contains((socket.Netns, socket.LocalPort))
            || _bound.Contains((socket.Netns, socket.LocalPort, addresses.PlainOf(socket.LocalAddress))))
            ? SocketRole.Accepted
            : SocketRole.Client;
    }
}
