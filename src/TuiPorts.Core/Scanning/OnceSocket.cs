namespace TuiPorts.Core.Scanning;

/// <summary>
/// One socket of a one-shot (<c>--once --json</c>), 48 bytes: what its JSON, its place in the order and its other end
/// need, with addresses, states and namespaces as indexes into <see cref="OnceSockets"/>' tables and its tcp_info as the
/// index of a slot. A snapshot keeps a row, an entry, holders and a <see cref="TcpInfo"/> per socket instead (~450 bytes).
/// </summary>
public readonly struct OnceSocket
{
    private readonly byte _protocol;
    private readonly byte _role;
    private readonly byte _flags;

    private const byte HeldFlag = 1;
    private const byte HiddenFlag = 2;

    public ulong Inode { get; init; }

    /// <summary>Index into <see cref="OnceSockets.Addresses"/>.</summary>
    public int LocalAddress { get; init; }

    public int RemoteAddress { get; init; }

    public uint TxQueue { get; init; }

    public uint RxQueue { get; init; }

    public int Uid { get; init; }

    /// <summary>
    /// Its place among every row read, in the order a snapshot's join takes them (namespace, table, row): the order's
    /// last tie-break, and which of a repeated socket's rows counts. -1 once found to be a repeat.
    /// </summary>
    public int Arrival { get; init; }

    /// <summary>Index of its tcp_info slot (<see cref="OnceSockets.TcpInfo"/>), or -1.</summary>
    public int TcpInfo { get; init; }

    /// <summary>Index into <see cref="OnceSockets.Namespaces"/>.</summary>
    public int Netns { get; init; }

    public ushort LocalPort { get; init; }

    public ushort RemotePort { get; init; }

    /// <summary>Index into <see cref="OnceSockets.States"/>.</summary>
    public byte State { get; init; }

    public Protocol Protocol { get => (Protocol)_protocol; init => _protocol = (byte)value; }

    public SocketRole Role { get => (SocketRole)_role; init => _role = (byte)value; }

    /// <summary>A process still there holds it (a snapshot's entry has holders).</summary>
    public bool Held { get => (_flags & HeldFlag) != 0; init => _flags = (byte)(value ? _flags | HeldFlag : _flags & ~HeldFlag); }

    /// <summary>Its holders could not be seen (<see cref="SocketEntry.HoldersHidden"/>).</summary>
    public bool Hidden { get => (_flags & HiddenFlag) != 0; init => _flags = (byte)(value ? _flags | HiddenFlag : _flags & ~HiddenFlag); }

    /// <summary>What the order compares after the port: the inode, or the peer's port for a row without one.</summary>
    public ulong Identity => Inode != 0 ? Inode : RemotePort;
}
