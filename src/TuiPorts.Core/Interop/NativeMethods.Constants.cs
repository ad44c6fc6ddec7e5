namespace TuiPorts.Core.Interop;

/// <summary>
/// The numbers copied from the Linux and glibc headers, in one place. Each is the same on x86-64 and arm64 (the
/// generic system-call table numbers the pidfd calls alike on both); where that would stop being true, this is the
/// one file to split by architecture.
/// </summary>
internal static partial class NativeMethods
{
    // --- errno (asm-generic/errno-base.h, errno.h) ---
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;

    // --- system-call numbers (asm-generic/unistd.h; arch/x86/entry/syscalls/syscall_64.tbl) ---

    /// <summary>pidfd_send_signal(2), Linux 5.1; glibc wraps it only from 2.36.</summary>
    public const nint SysPidfdSendSignal = 424;

    /// <summary>pidfd_open(2), Linux 5.3; glibc wraps it only from 2.36.</summary>
    public const nint SysPidfdOpen = 434;

    // --- signals (asm-generic/signal.h); the ones offered to the user are in Killing/Signals ---
    public const int SIGSTOP = 19;

    // --- open(2), pipe2(2), socket(2) flags (asm-generic/fcntl.h, bits/socket_type.h) ---
    public const int OCloexec = 0x80000;
    public const int ONonblock = 0x800;
    public const int SockCloexec = OCloexec;
    public const int SockRaw = 3;

    // --- address families (bits/socket.h) ---
    public const int AfInet = 2;
    public const int AfInet6 = 10;
    public const int AfNetlink = 16;

    /// <summary>NETLINK_SOCK_DIAG (linux/netlink.h).</summary>
    public const int NetlinkSockDiag = 4;

    // --- poll(2) events (asm-generic/poll.h) ---
    public const short PollIn = 0x1;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;

    // --- the terminal (asm-generic/ioctls.h) ---

    /// <summary>TIOCGWINSZ: struct winsize { rows, cols, xpixel, ypixel } as four unsigned shorts.</summary>
    public const ulong TiocGWinSz = 0x5413;

    // --- struct layouts (64-bit glibc) ---

    /// <summary>Offset of d_name in glibc/musl's 64-bit struct dirent: d_ino(8) d_off(8) d_reclen(2) d_type(1).</summary>
    public const int DirentNameOffset = 19;

    /// <summary>PROC_SUPER_MAGIC: the f_type statfs(2) reports for a real procfs (linux/magic.h).</summary>
    public const long ProcSuperMagic = 0x9fa0;
}
