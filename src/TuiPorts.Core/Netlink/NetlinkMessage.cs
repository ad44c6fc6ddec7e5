namespace TuiPorts.Core.Netlink;

/// <summary>
/// The netlink framing every sock_diag request and reply shares (linux/netlink.h, linux/sock_diag.h): the message
/// header's size, its flags and the message types, in one place for the INET dump, the unix dump and SOCK_DESTROY.
/// </summary>
internal static class NetlinkMessage
{
    /// <summary>struct nlmsghdr: len, type, flags, seq, pid.</summary>
    public const int HeaderSize = 16;

    public const ushort SockDiagByFamily = 20;
    public const ushort SockDestroy = 21;

    public const ushort FlagRequest = 0x1;
    public const ushort FlagAck = 0x4;
    public const ushort FlagDump = 0x300;

    public const ushort Error = 2;
    public const ushort Done = 3;
}
