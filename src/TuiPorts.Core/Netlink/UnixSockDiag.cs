using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TuiPorts.Core.Interop;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// The names of the caller's own namespace's unix sockets through NETLINK_SOCK_DIAG (AF_UNIX, UDIAG_SHOW_NAME), the
/// interface <c>ss -x</c> uses. Each name arrives as its own length-counted attribute, so a name holding a newline is
/// one name: it cannot fake a record the way it can in /proc/net/unix, where the kernel prints it raw into a line.
/// </summary>
public static unsafe class UnixSockDiag
{
    private const byte AfUnix = 1;
    private const int RequestSize = NetlinkMessage.HeaderSize + 24; // struct unix_diag_req
    private const int MessageSize = 16; // struct unix_diag_msg: family, type, state, pad, ino, cookie[2]
    private const uint ShowName = 0x1; // UDIAG_SHOW_NAME
    private const ushort NameAttribute = 0; // UNIX_DIAG_NAME

    /// <summary>
    /// Inode -> name of every unix socket of the namespace (abstract ones as <c>@name</c>, an empty string for an
    /// unnamed one such as a socketpair), or null when sock_diag refuses.
    /// </summary>
    public static Dictionary<ulong, string>? TryReadNames()
    {
        using var socket = NativeMethods.Socket(AfNetlink, SockRaw | SockCloexec, NetlinkSockDiag);
        if (socket.IsInvalid)
        {
            return null;
        }

        using var fd = socket.Borrow();
        byte* request = stackalloc byte[RequestSize];
        new Span<byte>(request, RequestSize).Clear();
        *(uint*)request = RequestSize;
        *(ushort*)(request + 4) = NetlinkMessage.SockDiagByFamily;
        *(ushort*)(request + 6) = NetlinkMessage.FlagRequest | NetlinkMessage.FlagDump;
        *(uint*)(request + 8) = 1; // sequence
        request[NetlinkMessage.HeaderSize] = AfUnix;
        *(uint*)(request + NetlinkMessage.HeaderSize + 4) = uint.MaxValue; // every state
        *(uint*)(request + NetlinkMessage.HeaderSize + 12) = ShowName;
        if (NativeMethods.Send(fd.Fd, request, RequestSize, 0) != RequestSize)
        {
            return null;
        }

        var names = new Dictionary<ulong, string>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            nint received;
            fixed (byte* p = buffer)
            {
                received = NativeMethods.Receive(fd.Fd, p, buffer.Length, 0);
            }

            if (received < 0 && Marshal.GetLastPInvokeError() == EINTR)
            {
                continue;
            }

            if (received <= 0)
            {
                return null;
            }

            switch (Decode(buffer.AsSpan(0, (int)received), names))
            {
                case Progress.Done:
                    return names;
                case Progress.Failed:
                    return null;
            }
        }
    }

    /// <summary>Where a dump stands after one datagram.</summary>
    internal enum Progress
    {
        More,
        Done,
        Failed,
    }

    /// <summary>Adds the sockets of one datagram of netlink messages to <paramref name="names"/> (unnamed ones as "").</summary>
    internal static Progress Decode(ReadOnlySpan<byte> datagram, Dictionary<ulong, string> names)
    {
        for (int offset = 0; offset + NetlinkMessage.HeaderSize <= datagram.Length;)
        {
            var header = datagram[offset..];
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
            if (type == NetlinkMessage.Done)
            {
                return Progress.Done;
            }

            if (type == NetlinkMessage.Error || length < NetlinkMessage.HeaderSize || offset + length > datagram.Length)
            {
                return Progress.Failed;
            }

            if (length >= NetlinkMessage.HeaderSize + MessageSize)
            {
                var message = datagram.Slice(offset + NetlinkMessage.HeaderSize, length - NetlinkMessage.HeaderSize);
                ulong inode = BinaryPrimitives.ReadUInt32LittleEndian(message[4..]);
                var name = SockDiagReader.Attribute(message[MessageSize..], NameAttribute);
                names[inode] = name.IsEmpty ? string.Empty : NameOf(name); // unnamed: a socketpair, an unbound client
            }

            offset += (length + 3) & ~3; // NLMSG_ALIGN
        }

        return Progress.More;
    }

    /// <summary>A sun_path as /proc/net/unix and ss show it: a path up to its NUL, an abstract name as <c>@</c> + bytes (NUL as @).</summary>
    internal static string NameOf(ReadOnlySpan<byte> path)
    {
        if (path[0] == 0)
        {
            var abstractName = path.ToArray();
            for (int i = 0; i < abstractName.Length; i++)
            {
                abstractName[i] = abstractName[i] == 0 ? (byte)'@' : abstractName[i];
            }

            return Encoding.UTF8.GetString(abstractName);
        }

        int end = path.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? path : path[..end]);
    }
}
