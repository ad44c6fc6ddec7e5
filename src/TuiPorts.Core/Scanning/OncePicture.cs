namespace TuiPorts.Core.Scanning;

/// <summary>
/// What a one-shot read, ready to be written socket by socket: every socket once, in the order <c>--once</c> prints
/// them, with the facts a snapshot of the same moment would carry (its header, warnings and counts). The document
/// is made from it at write time (<c>Wire.OnceJsonWriter</c>), so no entry, holder list or tcp_info object exists.
/// </summary>
public sealed class OncePicture
{
    private readonly OnceSockets _sockets;

    internal OncePicture(OnceSockets sockets, OnceHolders holders)
    {
        _sockets = sockets;
        Holders = holders;
        sockets.DropRepeats();
        sockets.Settle(holders);
        foreach (var socket in sockets.Rows)
        {
            HiddenSockets += socket.Hidden ? 1 : 0;
        }

        Array.Sort(sockets.Buffer, 0, sockets.Count, OnceOrder.Instance);
        Peers = new OncePeers(sockets.Buffer, sockets.Count, sockets);
    }

    public required DateTimeOffset TakenAt { get; init; }

    public required ulong OwnNetns { get; init; }

    /// <summary>The own namespace's tables came from sock_diag, with tcp_info (a snapshot's <c>Traffic.Available</c>).</summary>
    public required bool TcpInfoAvailable { get; init; }

    public required ScanStats Stats { get; init; }

    public required IReadOnlyList<MalformedTable> Malformed { get; init; }

    /// <summary>Sockets whose holders could not be seen (a snapshot's <see cref="Snapshot.HiddenHolderSockets"/>).</summary>
    public int HiddenSockets { get; }

    /// <summary>Every socket, in <c>--once</c>'s order.</summary>
    public ReadOnlySpan<OnceSocket> Sockets => _sockets.Rows;

    /// <summary>The tables the sockets' indexes point into.</summary>
    public OnceSockets Tables => _sockets;

    public OnceHolders Holders { get; }

    /// <summary>Each socket's other end on this host, by its place in <see cref="Sockets"/>.</summary>
    public OncePeers Peers { get; }

    public ulong NetnsOf(in OnceSocket socket) => _sockets.Namespaces[socket.Netns];

    /// <summary>The socket's tcp_info, when it is a TCP connection of the own namespace read through sock_diag.</summary>
    public bool TryTcpInfo(in OnceSocket socket, out TcpInfoFacts facts)
    {
        facts = default;
        return socket.TcpInfo >= 0 && socket.Inode != 0 && NetnsOf(socket) == OwnNetns
            && Netlink.TcpInfoSlot.TryRead(_sockets.TcpInfo.Span.Slice(socket.TcpInfo * Netlink.TcpInfoSlot.Size, Netlink.TcpInfoSlot.Size), out facts);
    }
}
