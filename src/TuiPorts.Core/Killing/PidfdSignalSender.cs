using System.Runtime.InteropServices;
using TuiPorts.Core.Interop;
using TuiPorts.Core.ProcFs;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Signals through pidfds: <c>pidfd_open</c> pins the process, <c>pidfd_send_signal</c> sends to exactly that
/// process (ESRCH once it has exited, even if its pid was reused), and <c>poll</c> on the pidfd reports exit. Where the
/// kernel lacks pidfds it falls back to kill(2), re-checking the start time right before sending.
/// </summary>
public sealed class PidfdSignalSender(ProcRoot root) : ISignalSender
{
    public IProcessHandle? Open(int pid, ulong expectedStartTimeTicks, out SignalError error)
    {
        error = SignalError.None;
        int fd = PidfdOpen(pid, 0);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == ENOSYS)
            {
                return OpenFallback(pid, expectedStartTimeTicks, out error);
            }

            error = ToError(errno);
            return null;
        }

        // The pidfd now pins whatever process has this pid; make sure it is still the one that was on screen.
        if (ProcessReader.ReadStartTime(root, pid) != expectedStartTimeTicks)
        {
            _ = Close(fd);
            error = SignalError.NoSuchProcess;
            return null;
        }

        return new PidfdHandle(pid, fd);
    }

    private KillFallbackHandle? OpenFallback(int pid, ulong startTime, out SignalError error)
    {
        error = ProcessReader.ReadStartTime(root, pid) == startTime ? SignalError.None : SignalError.NoSuchProcess;
        return error == SignalError.None ? new KillFallbackHandle(pid, startTime, root) : null;
    }

    internal static SignalError ToError(int errno) => errno switch
    {
        NativeMethods.ESRCH => SignalError.NoSuchProcess,
        NativeMethods.EPERM or NativeMethods.EACCES => SignalError.PermissionDenied,
        _ => SignalError.Other,
    };

    private sealed class PidfdHandle(int pid, int fd) : IProcessHandle
    {
        private const short PollIn = 0x1;
        private int _fd = fd;

        public int Pid { get; } = pid;

        public bool IsPidfd => true;

        public bool HasExited
        {
            get
            {
                var poll = new PollFd { Fd = _fd, Events = PollIn };
                return _fd >= 0 && Poll(ref poll, 1, 0) > 0 && (poll.Revents & PollIn) != 0;
            }
        }

        public SignalError Send(int signal) =>
            PidfdSendSignal(_fd, signal, 0, 0) == 0 ? SignalError.None : ToError(Marshal.GetLastPInvokeError());

        public void Dispose()
        {
            if (_fd >= 0)
            {
                _ = Close(_fd);
                _fd = -1;
            }
        }
    }

    /// <summary>Old kernels: kill(2), sent only while /proc still shows the same start time.</summary>
    private sealed class KillFallbackHandle(int pid, ulong startTime, ProcRoot root) : IProcessHandle
    {
        public int Pid { get; } = pid;

        public bool IsPidfd => false;

        public bool HasExited => ProcessReader.ReadStartTime(root, Pid) != startTime;

        public SignalError Send(int signal)
        {
            if (HasExited)
            {
                return SignalError.NoSuchProcess;
            }

            return Kill(Pid, signal) == 0 ? SignalError.None : ToError(Marshal.GetLastPInvokeError());
        }

        public void Dispose()
        {
        }
    }
}
