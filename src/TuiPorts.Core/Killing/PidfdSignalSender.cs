using TuiPorts.Core.Interop;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Signals through pidfds: pidfd_open pins the process, pidfd_send_signal sends to exactly that process (ESRCH once
/// it has exited, even if its pid was reused), and poll on the pidfd reports exit. Both are system calls made by
/// number (<see cref="Pidfd"/>). A kernel without pidfds (before Linux 5.3) gets no kill at all
/// (<see cref="SignalError.NoPidfd"/>): a kill(2) by pid could hit a process that reused it.
/// </summary>
public sealed class PidfdSignalSender : ISignalSender
{
    private readonly ProcRoot _root;
    private readonly PidfdOpener _open;

    public PidfdSignalSender(ProcRoot root)
        : this(root, Pidfd.Open)
    {
    }

    /// <summary>With another pidfd_open: a kernel that answers ENOSYS, in tests.</summary>
    internal PidfdSignalSender(ProcRoot root, PidfdOpener open)
    {
        _root = root;
        _open = open;
    }

    internal delegate SafeFd? PidfdOpener(int pid, out int errno);

    public IProcessHandle? Open(int pid, ulong expectedStartTimeTicks, out SignalError error)
    {
        var fd = _open(pid, out int errno);
        if (fd is null)
        {
            error = ToError(errno);
            return null;
        }

        // The pidfd now pins whatever process has this pid; make sure it is still the one that was on screen.
        if (ProcessReader.ReadStartTime(_root, pid) != expectedStartTimeTicks)
        {
            fd.Dispose();
            error = SignalError.NoSuchProcess;
            return null;
        }

        error = SignalError.None;
        return new PidfdHandle(pid, fd);
    }

    internal static SignalError ToError(int errno) => errno switch
    {
        0 => SignalError.None,
        NativeMethods.ESRCH => SignalError.NoSuchProcess,
        NativeMethods.EPERM or NativeMethods.EACCES => SignalError.PermissionDenied,
        NativeMethods.ENOSYS => SignalError.NoPidfd,
        _ => SignalError.Other,
    };

    private sealed class PidfdHandle(int pid, SafeFd fd) : IProcessHandle
    {
        public int Pid { get; } = pid;

        public bool IsPidfd => true;

        public bool HasExited => Pidfd.HasExited(fd);

        public SignalError Send(int signal) => fd.IsClosed ? SignalError.Other : ToError(Pidfd.SendSignal(fd, signal));

        public void Dispose() => fd.Dispose();
    }
}
