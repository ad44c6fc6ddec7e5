using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// Every socket row a one-shot reads, decoded on arrival into <see cref="OnceSocket"/>s (from a sock_diag record or a
/// /proc/net row), with the tables their indexes point into: addresses, state names, namespaces, tcp_info slots, and
/// the TCP listeners that decide roles. Rows are kept in arrival order until <see cref="OncePicture"/> takes them.
/// </summary>
public sealed class OnceSockets
{
    private OnceSocket[] _sockets;
    private readonly List<string> _states = [];
    private readonly Dictionary<string, byte> _stateIndex = [];
    private readonly List<ulong> _namespaces = [];
    private readonly Dictionary<ulong, int> _namespaceIndex = [];
    private readonly OnceListeners _listeners;

    /// <param name="expected">About how many rows will come (net/sockstat): the arrays are sized once.</param>
    /// <param name="expectedTcp">About how many of them are TCP (each may bring a tcp_info slot).</param>
    public OnceSockets(int expected = 0, int expectedTcp = 0)
    {
        _sockets = new OnceSocket[Math.Max(expected, 16)];
        TcpInfo.Reserve(expectedTcp * TcpInfoSlot.Size);
        _listeners = new OnceListeners(Addresses);
    }

    public int Count { get; private set; }

    /// <summary>The rows so far, in arrival order (<see cref="OnceSocket.Arrival"/> is the index).</summary>
    public Span<OnceSocket> Rows => _sockets.AsSpan(0, Count);

    public AddressTable Addresses { get; } = new();

    public IReadOnlyList<string> States => _states;

    public IReadOnlyList<ulong> Namespaces => _namespaces;

    /// <summary>The tcp_info slots (<see cref="TcpInfoSlot.Size"/> bytes each) of the connections that had one.</summary>
    public RecordBuffer TcpInfo { get; } = new();

    /// <summary>
    /// False once a row held something the compact form has no room for (a queue beyond 32 bits, an address with a
    /// scope, more than 256 state names): the one-shot then takes a snapshot instead, which prints it as it is.
    /// </summary>
    public bool Fits { get; private set; } = true;

    /// <summary>Forgets every row from <paramref name="count"/> on, and every slot from <paramref name="slotBytes"/> on (a dump read again).</summary>
    public void Truncate(int count, int slotBytes)
    {
        Count = Math.Min(Count, count);
        TcpInfo.Truncate(slotBytes);
    }

    /// <summary>Forgets every row, slot and listener (the own namespace is read again, from files).</summary>
    public void Clear()
    {
        Truncate(0, 0);
        _listeners.Clear();
    }

    /// <summary>A decoded /proc/net row of <paramref name="netns"/>.</summary>
    public void Add(ulong netns, NetTableRow row)
    {
        int local = Addresses.Add(row.LocalAddress);
        int remote = Addresses.Add(row.RemoteAddress);
        if (local < 0 || remote < 0 || row.TxQueue is < 0 or > uint.MaxValue || row.RxQueue is < 0 or > uint.MaxValue
            || row.LocalPort is < 0 or > ushort.MaxValue || row.RemotePort is < 0 or > ushort.MaxValue)
        {
            Fits = false;
            return;
        }

        Append(new OnceSocket
        {
            Protocol = row.Protocol, Netns = NamespaceIndex(netns), State = StateIndex(row.State),
            LocalAddress = local, LocalPort = (ushort)row.LocalPort, RemoteAddress = remote, RemotePort = (ushort)row.RemotePort,
            TxQueue = (uint)row.TxQueue, RxQueue = (uint)row.RxQueue, Uid = row.Uid, Inode = row.Inode, TcpInfo = -1,
        });
    }

    /// <summary>A sock_diag record of <paramref name="netns"/>, with its tcp_info (empty: none).</summary>
    public void Add(ulong netns, Protocol protocol, InetDiagRecord record, ReadOnlySpan<byte> tcpInfo)
    {
        bool tcp = protocol.IsTcp();
        int slot = -1;
        if (record.Inode != 0 && !tcpInfo.IsEmpty)
        {
            Span<byte> bytes = stackalloc byte[TcpInfoSlot.Size];
            TcpInfoSlot.Write(tcpInfo, bytes);
            if (!TcpInfoSlot.IsEmpty(bytes))
            {
                slot = TcpInfo.Length / TcpInfoSlot.Size;
                TcpInfo.Append(bytes);
            }
        }

        Append(new OnceSocket
        {
            Protocol = protocol, Netns = NamespaceIndex(netns), State = StateIndex(record.StateName(tcp)),
            LocalAddress = Addresses.Add(record.LocalAddress), LocalPort = (ushort)record.LocalPort,
            RemoteAddress = Addresses.Add(record.RemoteAddress), RemotePort = (ushort)record.RemotePort,
            TxQueue = (uint)record.TxQueue(tcp), RxQueue = record.ReceiveQueue, Uid = record.Uid, Inode = record.Inode, TcpInfo = slot,
        });
    }

    /// <summary>A row that decides roles: a TCP LISTEN row is kept as a listener (others are not).</summary>
    public void AddListener(ulong netns, NetTableRow row)
    {
        if (row.Protocol.IsTcp() && row.State == SocketStates.Listen && Addresses.Add(row.LocalAddress) is >= 0 and var address)
        {
            _listeners.Add(NamespaceIndex(netns), row.LocalPort, address);
        }
    }

    /// <summary>A TCP record that decides roles (kept if it is a listener).</summary>
    public void AddListener(ulong netns, InetDiagRecord record)
    {
        if (record.State == InetDiagRecord.TcpListen)
        {
            _listeners.Add(NamespaceIndex(netns), record.LocalPort, Addresses.Add(record.LocalAddress));
        }
    }

    /// <summary>The rows' array (the first <see cref="Count"/>): <see cref="OncePicture"/> sorts it in place.</summary>
    internal OnceSocket[] Buffer => _sockets;

    /// <summary>Drops repeated rows (<see cref="OnceRepeats"/>); the order stays.</summary>
    internal void DropRepeats() => Count = OnceRepeats.Drop(_sockets, Count);

    /// <summary>Sets each row's role (every listener read by now), whether a process holds it and whether its holders are hidden.</summary>
    internal void Settle(OnceHolders holders)
    {
        foreach (ref var socket in Rows)
        {
            bool held = holders.Holds(socket.Inode);
            socket = socket with
            {
                Role = RoleOf(socket),
                Held = held,
                Hidden = holders.HidesHolders(socket.Inode, _namespaces[socket.Netns], held),
            };
        }
    }

    public string StateOf(in OnceSocket socket) => _states[socket.State];

    public bool IsListening(in OnceSocket socket) => SocketStates.IsListening(_states[socket.State]);

    /// <summary>Listener, accepted or client, from the listeners added so far (all of them: call after reading).</summary>
    public SocketRole RoleOf(in OnceSocket socket) => _listeners.RoleOf(socket, IsListening(socket));

    private void Append(OnceSocket socket)
    {
        if (Count == _sockets.Length)
        {
            Array.Resize(ref _sockets, _sockets.Length * 2);
        }

        _sockets[Count] = socket with { Arrival = Count };
        Count++;
    }

    private int NamespaceIndex(ulong netns)
    {
        if (!_namespaceIndex.TryGetValue(netns, out int index))
        {
            index = _namespaces.Count;
            _namespaces.Add(netns);
            _namespaceIndex[netns] = index;
        }

        return index;
    }

    private byte StateIndex(string state)
    {
        if (!_stateIndex.TryGetValue(state, out byte index))
        {
            if (_states.Count > byte.MaxValue)
            {
                Fits = false;
                return 0;
            }

            index = (byte)_states.Count;
            _states.Add(state);
            _stateIndex[state] = index;
        }

        return index;
    }
}
