using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using TuiPorts.Core.Interop;

namespace TuiPorts.Core.Netlink;

/// <summary>What became of one connection asked to close.</summary>
public enum CloseOutcome
{
    /// <summary>The kernel aborted it: both ends see a reset, the holder keeps running with a dead fd.</summary>
    Closed,

    /// <summary>It was gone before the request (closed by its holder, or by the other end's reset).</summary>
    AlreadyGone,

    /// <summary>Its 4-tuple now belongs to another socket (a new connection reused the ports): left alone.</summary>
    Replaced,

    /// <summary>EPERM: closing sockets needs CAP_NET_ADMIN.</summary>
    NotPermitted,

    /// <summary>EOPNOTSUPP: the kernel was built without CONFIG_INET_DIAG_DESTROY.</summary>
    NotSupported,

    /// <summary>Not a connection tuiports closes: a listener, UDP, TIME-WAIT/SYN-RECV (no inode), another namespace.</summary>
    NotAConnection,

    /// <summary>Another errno; see <see cref="CloseResult.Errno"/>.</summary>
    Failed,
}

/// <summary>The outcome and, for a refusal, the kernel's errno.</summary>
public readonly record struct CloseResult(CloseOutcome Outcome, int Errno = 0)
{
    /// <summary>The connection no longer exists (closed now, or before).</summary>
    public bool IsGone => Outcome is CloseOutcome.Closed or CloseOutcome.AlreadyGone;

    /// <summary>The meaning of a netlink error reply (a positive errno; 0 = success).</summary>
    public static CloseResult FromErrno(int errno) => errno switch
    {
        0 => new(CloseOutcome.Closed),
        2 => new(CloseOutcome.AlreadyGone, errno), // ENOENT
        1 or 13 => new(CloseOutcome.NotPermitted, errno), // EPERM, EACCES
        95 => new(CloseOutcome.NotSupported, errno), // EOPNOTSUPP
        _ => new(CloseOutcome.Failed, errno),
    };
}

/// <summary>Closes one TCP connection of this network namespace without touching the process that holds it.</summary>
public interface IConnectionCloser
{
    CloseResult Close(SocketEntry connection, ulong ownNetns);
}

/// <summary>
/// SOCK_DESTROY through NETLINK_SOCK_DIAG, what <c>ss -K</c> does: the kernel aborts the connection (tcp_abort) and
/// both ends see ECONNRESET. The socket is first looked up by its exact 4-tuple and must still have the inode the
/// snapshot showed; the destroy request then carries the kernel's cookie of that very socket, so a connection that
/// reused the ports in between is never the one closed.
/// </summary>
public sealed unsafe class SocketDestroyer : IConnectionCloser
{
    private const int AfNetlink = 16, AfInet = 2, AfInet6 = 10, SockRaw = 3, SockCloexec = 0x80000, NetlinkSockDiag = 4;
    private const int RequestSize = 56, IdOffset = 4, IdSize = 48, InodeOffset = 68, TcpListen = 10;

    public static SocketDestroyer Instance { get; } = new();

    public CloseResult Close(SocketEntry connection, ulong ownNetns)
    {
        if (!connection.Protocol.IsTcp() || connection.IsListening || connection.Inode == 0 || connection.Netns != ownNetns || connection.Host is not null)
        {
            return new CloseResult(CloseOutcome.NotAConnection);
        }

        using var socket = NativeMethods.Socket(AfNetlink, SockRaw | SockCloexec, NetlinkSockDiag);
        if (socket.IsInvalid)
        {
            return new CloseResult(CloseOutcome.Failed, Marshal.GetLastPInvokeError());
        }

        using var fd = socket.Borrow();
        var request = new byte[NetlinkMessage.HeaderSize + RequestSize];
        WriteRequest(request, connection);
        var reply = new byte[8192];

        // 1. the socket on that 4-tuple now: its inode must be the one shown, and its cookie pins it
        int length = Exchange(fd.Fd, request, reply, NetlinkMessage.SockDiagByFamily, NetlinkMessage.FlagRequest);
        if (length < 0)
        {
            return new CloseResult(CloseOutcome.Failed, -length);
        }

        var message = reply.AsSpan(0, length);
        if (BinaryPrimitives.ReadUInt16LittleEndian(message[4..]) == NetlinkMessage.Error)
        {
            return CloseResult.FromErrno(ErrorOf(message) is 0 ? 2 : ErrorOf(message));
        }

        if (length < NetlinkMessage.HeaderSize + 72)
        {
            return new CloseResult(CloseOutcome.Failed);
        }

        // A 4-tuple with no connection left finds the listener on the local port (the kernel's lookup falls back to
        // listeners, as for an incoming SYN): the connection is gone, and the listener must never be the one destroyed.
        if (message[NetlinkMessage.HeaderSize + 1] == TcpListen)
        {
            return new CloseResult(CloseOutcome.AlreadyGone);
        }

        uint inode = BinaryPrimitives.ReadUInt32LittleEndian(message[(NetlinkMessage.HeaderSize + InodeOffset)..]);
        if (inode != (uint)connection.Inode)
        {
            // inode 0: what is left on the 4-tuple is the connection's own TIME-WAIT (it ended); else a new socket
            return new CloseResult(inode == 0 ? CloseOutcome.AlreadyGone : CloseOutcome.Replaced);
        }

        message.Slice(NetlinkMessage.HeaderSize + IdOffset, IdSize).CopyTo(request.AsSpan(NetlinkMessage.HeaderSize + 8)); // the kernel's id, cookie included

        // 2. destroy exactly that socket; the reply is an acknowledgement carrying the errno
        length = Exchange(fd.Fd, request, reply, NetlinkMessage.SockDestroy, NetlinkMessage.FlagRequest | NetlinkMessage.FlagAck);
        if (length < 0)
        {
            return new CloseResult(CloseOutcome.Failed, -length);
        }

        message = reply.AsSpan(0, length);
        return BinaryPrimitives.ReadUInt16LittleEndian(message[4..]) == NetlinkMessage.Error
            ? CloseResult.FromErrno(ErrorOf(message))
            : new CloseResult(CloseOutcome.Failed);
    }

    /// <summary>struct inet_diag_req_v2 for the connection's exact 4-tuple, any cookie (INET_DIAG_NOCOOKIE).</summary>
    private static void WriteRequest(Span<byte> request, SocketEntry connection)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
        var body = request[NetlinkMessage.HeaderSize..];
        bool v6 = connection.Protocol == Protocol.Tcp6;
        body[0] = (byte)(v6 ? AfInet6 : AfInet);
        body[1] = 6; // IPPROTO_TCP
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], uint.MaxValue); // every state
        var id = body[8..];
        BinaryPrimitives.WriteUInt16BigEndian(id, (ushort)connection.LocalPort);
        BinaryPrimitives.WriteUInt16BigEndian(id[2..], (ushort)connection.RemotePort);
        Address(connection.LocalAddress, v6).CopyTo(id[4..]);
        Address(connection.RemoteAddress, v6).CopyTo(id[20..]);
        id.Slice(40, 8).Fill(0xFF); // INET_DIAG_NOCOOKIE
    }

    private static byte[] Address(IPAddress address, bool v6) =>
        v6 ? address.MapToIPv6().GetAddressBytes() : address.MapToIPv4().GetAddressBytes();

    /// <summary>Sends the request as <paramref name="type"/> and receives one reply: its length, or -errno.</summary>
    private static int Exchange(int fd, byte[] request, byte[] reply, ushort type, ushort flags)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), type); // sequence
        fixed (byte* p = request)
        {
            if (NativeMethods.Send(fd, p, request.Length, 0) != request.Length)
            {
                return -Marshal.GetLastPInvokeError();
            }
        }

        while (true)
        {
            nint received;
            fixed (byte* p = reply)
            {
                received = NativeMethods.Receive(fd, p, reply.Length, 0);
            }

            if (received < 0 && Marshal.GetLastPInvokeError() == NativeMethods.EINTR)
            {
                continue;
            }

            return received < NetlinkMessage.HeaderSize ? -Math.Max(1, received < 0 ? Marshal.GetLastPInvokeError() : 5) : (int)received; // 5: EIO
        }
    }

    /// <summary>struct nlmsgerr's error: a negative errno (0 for an acknowledgement), returned positive.</summary>
    private static int ErrorOf(ReadOnlySpan<byte> message) =>
        message.Length >= NetlinkMessage.HeaderSize + 4 ? -BinaryPrimitives.ReadInt32LittleEndian(message[NetlinkMessage.HeaderSize..]) : 5;
}
