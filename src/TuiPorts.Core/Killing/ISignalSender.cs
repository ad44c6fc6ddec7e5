namespace TuiPorts.Core.Killing;

/// <summary>Why a signal could not be sent (or a process not opened), as errno says it.</summary>
public enum SignalError
{
    None,
    /// <summary>ESRCH: the process has exited (or, through a pidfd, the pid now names someone else).</summary>
    NoSuchProcess,
    /// <summary>EPERM: it belongs to another user and we are not root.</summary>
    PermissionDenied,
    Other,
    /// <summary>ENOSYS: the kernel has no pidfds (before Linux 5.3), so nothing can be pinned and nothing is sent.</summary>
    NoPidfd,
}

/// <summary>
/// The one seam every kill goes through. <see cref="Open"/> pins a process with a pidfd so
/// that a later <see cref="IProcessHandle.Send"/> can never reach a different process that reused the pid.
/// </summary>
public interface ISignalSender
{
    IProcessHandle? Open(int pid, ulong expectedStartTimeTicks, out SignalError error);
}

/// <summary>A pinned process: signal it, and watch it exit.</summary>
public interface IProcessHandle : IDisposable
{
    int Pid { get; }

    /// <summary>True when signals go through a pidfd - always, for the real sender: without pidfds nothing is opened.</summary>
    bool IsPidfd { get; }

    SignalError Send(int signal);

    /// <summary>True once the process has exited (checked without blocking).</summary>
    bool HasExited { get; }
}
