using System.Runtime.InteropServices;

namespace TuiPorts.Core.Interop;

/// <summary>
/// Every libc call tuiports makes, in one place: the fd walk (opendir/readlinkat without per-fd allocation),
/// sock_diag (netlink sockets), pidfds, statfs, and the terminal calls the UI needs to restore a terminal. Each entry
/// point exists in glibc 2.31 (Debian 11, Ubuntu 20.04), the oldest glibc the published binary supports; newer system
/// calls go through <see cref="Syscall"/> by number (<c>LibcEntryPointTests</c> keeps it that way). The constants
/// copied from the C headers are in NativeMethods.Constants.cs.
/// </summary>
internal static unsafe partial class NativeMethods
{
    // --- files and directories (the fd walk) ---

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ReadLink(string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeDir OpenDir(string path);

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
    public static partial SafeFd Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    public static partial nint Receive(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    // --- system calls without a glibc 2.31 wrapper, and signals ---

    /// <summary>
    /// syscall(2) with four integer arguments. It is variadic in C; integer arguments travel in the same registers as
    /// a fixed-argument call on x86-64 and on Linux arm64, and the kernel reads only the ones the call takes.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial nint Syscall(nint number, nint arg1, nint arg2, nint arg3, nint arg4);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int PollMany(PollFd* fds, nuint count, int timeoutMs);

    /// <summary>raise(3): a signal to tuiports itself (SIGSTOP for Ctrl+Z). Nothing imports kill(2): another
    /// process is only ever signalled through its pidfd.</summary>
    [LibraryImport("libc", EntryPoint = "raise")]
    public static partial int Raise(int signal);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    // --- wake-up pipes ---

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    /// <summary>pread(2): a /proc file read again from its start through a kept fd (the kernel regenerates it).</summary>
    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buffer, nint count, long offset);

    /// <summary>open(2) with a NUL-terminated path already in bytes (no string marshalling, no allocation).</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    public const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    // --- the terminal ---

    [LibraryImport("libc", EntryPoint = "_exit")]
    public static partial void Exit(int code);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    public static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    public static partial int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsAtty(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlWinSize(int fd, ulong request, ushort* winsize);

    /// <summary>The width of the terminal on <paramref name="fd"/>, or null when it is not a terminal.</summary>
    public static int? TerminalWidth(int fd)
    {
        ushort* size = stackalloc ushort[4];
        return IsAtty(fd) == 1 && IoctlWinSize(fd, TiocGWinSz, size) == 0 && size[1] > 0 ? size[1] : null;
    }
}
