using System.Runtime.InteropServices;

namespace TuiPorts.Core.Interop;

/// <summary>
/// Every libc call tuiports makes, in one place: the fd walk (opendir/readlinkat without per-fd allocation),
/// sock_diag (netlink sockets), pidfds, statfs, and the terminal calls the UI needs to restore a terminal.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EACCES = 13;
    public const int ENOSYS = 38;

    /// <summary>Offset of d_name in glibc/musl's 64-bit struct dirent: d_ino(8) d_off(8) d_reclen(2) d_type(1).</summary>
    public const int DirentNameOffset = 19;

    /// <summary>PROC_SUPER_MAGIC: the f_type statfs(2) reports for a real procfs.</summary>
    public const long ProcSuperMagic = 0x9fa0;

    // --- files and directories (the fd walk) ---

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ReadLink(string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    public static partial int CloseDir(nint dir);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    public static partial int DirFd(nint dir);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true)]
    public static partial nint ReadLinkAt(int dirFd, byte* path, byte* buffer, nint size);

    /// <summary>struct statfs on 64-bit Linux starts with f_type (long); 120 bytes in all.</summary>
    [LibraryImport("libc", EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int StatFs(string path, byte* buffer);

    // --- identity ---

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    // --- sockets (NETLINK_SOCK_DIAG) ---

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    public static partial nint Receive(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    // --- signals ---

    [LibraryImport("libc", EntryPoint = "pidfd_open", SetLastError = true)]
    public static partial int PidfdOpen(int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "pidfd_send_signal", SetLastError = true)]
    public static partial int PidfdSendSignal(int pidfd, int signal, nint info, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int PollMany(PollFd* fds, nuint count, int timeoutMs);

    public const short PollIn = 0x1;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    // --- wake-up pipes ---

    public const int OCloexec = 0x80000;
    public const int ONonblock = 0x800;

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    // --- the terminal ---

    [LibraryImport("libc", EntryPoint = "_exit")]
    public static partial void Exit(int code);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    public static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    public static partial int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsAtty(int fd);

    /// <summary>TIOCGWINSZ: struct winsize { rows, cols, xpixel, ypixel } as four unsigned shorts.</summary>
    public const ulong TiocGWinSz = 0x5413;

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlWinSize(int fd, ulong request, ushort* winsize);

    /// <summary>The width of the terminal on <paramref name="fd"/>, or null when it is not a terminal.</summary>
    public static int? TerminalWidth(int fd)
    {
        ushort* size = stackalloc ushort[4];
        return IsAtty(fd) == 1 && IoctlWinSize(fd, TiocGWinSz, size) == 0 && size[1] > 0 ? size[1] : null;
    }
}
