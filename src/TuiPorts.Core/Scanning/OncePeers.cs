namespace TuiPorts.Core.Scanning;

/// <summary>
/// The other end of each connection of a one-shot, as <see cref="PeerIndex"/> finds it in a snapshot: the socket of
/// the same transport and namespace whose local and remote ends (plain addresses) are this one's swapped; among
/// several, the first to arrive; never the socket itself. The connected sockets' places, sorted by their ends (4 bytes
/// a socket instead of a dictionary entry's ~70), looked up by binary search.
/// </summary>
public sealed class OncePeers
{
    private readonly OnceSocket[] _sockets;
    private readonly OnceSockets _tables;
    private readonly int[] _byEnds;

    /// <param name="sockets">Every socket of the picture (the first <paramref name="count"/>), in any order; not changed afterwards.</param>
    internal OncePeers(OnceSocket[] sockets, int count, OnceSockets tables)
    {
        _sockets = sockets;
        _tables = tables;
        int connected = 0;
        for (int i = 0; i < count; i++)
        {
            connected += IsConnected(sockets[i]) ? 1 : 0;
        }

        _byEnds = new int[connected];
        connected = 0;
        for (int i = 0; i < count; i++)
        {
            if (IsConnected(sockets[i]))
            {
                _byEnds[connected++] = i;
            }
        }

        Array.Sort(_byEnds, (a, b) => Compare(Ends(sockets[a], reversed: false), sockets[a].Arrival, Ends(sockets[b], reversed: false), sockets[b].Arrival));
    }

    /// <summary>The inode of the other end of the socket at <paramref name="index"/> on this host; 0 when none (or it has none).</summary>
    public ulong PeerInodeOf(int index)
    {
        var socket = _sockets[index];
        if (!IsConnected(socket))
        {
            return 0;
        }

        var wanted = Ends(socket, reversed: true);
        int low = 0, high = _byEnds.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            var candidate = _sockets[_byEnds[middle]];
            if (Compare(Ends(candidate, reversed: false), candidate.Arrival, wanted, int.MinValue) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low == _byEnds.Length || _sockets[_byEnds[low]] is var peer && Compare(Ends(peer, reversed: false), 0, wanted, 0) != 0)
        {
            return 0;
        }

        return peer.Arrival == socket.Arrival ? 0 : peer.Inode; // the first of them is the socket itself: no other end
    }

    private bool IsConnected(in OnceSocket socket) =>
        socket.RemotePort != 0 && !_tables.IsListening(socket) && !_tables.Addresses.IsAny(socket.RemoteAddress);

    private (int Netns, bool Tcp, int Local, int LocalPort, int Remote, int RemotePort) Ends(in OnceSocket socket, bool reversed)
    {
        int local = _tables.Addresses.PlainOf(socket.LocalAddress);
        int remote = _tables.Addresses.PlainOf(socket.RemoteAddress);
        return reversed
            ? (socket.Netns, socket.Protocol.IsTcp(), remote, socket.RemotePort, local, socket.LocalPort)
            : (socket.Netns, socket.Protocol.IsTcp(), local, socket.LocalPort, remote, socket.RemotePort);
    }

    private static int Compare(
        (int Netns, bool Tcp, int Local, int LocalPort, int Remote, int RemotePort) x, int xArrival,
        (int Netns, bool Tcp, int Local, int LocalPort, int Remote, int RemotePort) y, int yArrival)
    {
        int c = x.CompareTo(y);
        return c != 0 ? c : xArrival.CompareTo(yArrival);
    }
}
