using System.Runtime.InteropServices;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Core.Interop;

/// <summary>
/// pidfd_open(2) and pidfd_send_signal(2) through syscall(2) by number, so the binary needs no glibc wrapper (those
/// arrived in glibc 2.36) - only a kernel of 5.3 or newer, which answers ENOSYS otherwise.
/// </summary>
internal static class Pidfd
{
    /// <summary>A pidfd for <paramref name="pid"/>, or null with <paramref name="errno"/> (ENOSYS: no pidfds).</summary>
    public static SafeFd? Open(int pid, out int errno)
    {
        nint fd = Syscall(SysPidfdOpen, pid, 0, 0, 0);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFd((int)fd);
    }

    /// <summary>Sends <paramref name="signal"/> to exactly the pinned process: 0, or the errno (ESRCH once it exited).</summary>
    public static int SendSignal(SafeFd pidfd, int signal)
    {
        using var fd = pidfd.Borrow();
        return Syscall(SysPidfdSendSignal, fd.Fd, signal, 0, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>True once the pinned process has exited: its pidfd polls readable (checked without blocking). A
    /// closed pidfd knows nothing any more: false.</summary>
    public static bool HasExited(SafeFd pidfd)
    {
        if (pidfd.IsClosed)
        {
            return false;
        }

        using var fd = pidfd.Borrow();
        var poll = new PollFd { Fd = fd.Fd, Events = PollIn };
        return Poll(ref poll, 1, 0) > 0 && (poll.Revents & PollIn) != 0;
    }
}
