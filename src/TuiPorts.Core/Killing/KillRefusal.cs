namespace TuiPorts.Core.Killing;

/// <summary>Why a kill does not go ahead, as a fact; <see cref="Presentation.Wording"/> turns it into a sentence.</summary>
public enum KillRefusal
{
    None,

    /// <summary>The socket's holders could not be seen (not root, or a process that refuses even root).</summary>
    HoldersHidden,

    /// <summary>No process holds the socket (kernel-owned: TIME_WAIT, or closed since the scan).</summary>
    NoHolder,

    /// <summary>The row is a socket that just went away.</summary>
    SocketGone,

    /// <summary>The UI runs with <c>--read-only</c>.</summary>
    ReadOnly,

    /// <summary><c>--proc-root</c> is not the live procfs: its pids name no process of this machine.</summary>
    NotLiveProcfs,

    /// <summary>PID 1: SIGTERM makes systemd re-execute; repeated SIGINT can reboot.</summary>
    InitProcess,

    /// <summary>Kernel threads ignore signals although kill(2) returns 0.</summary>
    KernelThread,

    /// <summary>tuiports itself.</summary>
    Tuiports,

    /// <summary>An ancestor of tuiports (its shell, tmux, the sshd session): allowed only when forced / confirmed twice.</summary>
    Ancestor,

    /// <summary>Several processes hold the socket and the caller did not ask for all of them.</summary>
    SharedSocket,
}
