
namespace TuiPorts.Core.Killing;

/// <summary>Why a target will not be signalled, as a fact (<see cref="Presentation.Wording"/> words it).</summary>
public enum TargetIssue
{
    None,

    /// <summary>The kill policy refuses it (<see cref="KillTarget.Refusal"/> says why).</summary>
    Refused,

    /// <summary>pidfd_open failed (<see cref="KillTarget.OpenError"/>: exited, reused, not ours, no pidfd).</summary>
    OpenFailed,

    /// <summary>Pinned, but its fd table no longer has the socket: it closed it since the scan.</summary>
    NoLongerHolds,

    /// <summary>A remote process whose start time is unknown cannot be pinned on its host.</summary>
    StartTimeUnknown,
}

/// <summary>
/// One process a kill is about, fixed when the plan was made: its identity as shown (pid + start time), the pinned
/// handle, why it must not be signalled if it must not, and the kernel's facts that predict what the planned
/// <see cref="Signal"/> will do to it (its masks, its program, its supervisor, the same-program children it takes along).
/// </summary>
public sealed class KillTarget(ProcessInfo process, IProcessHandle? handle, TargetIssue issue = TargetIssue.None) : IDisposable
{
    public ProcessInfo Process { get; } = process;

    public IProcessHandle? Handle { get; } = handle;

    public TargetIssue Issue { get; } = issue;

    public KillRefusal Refusal { get; init; }

    public SignalError OpenError { get; init; }

    public bool CanSignal => Issue == TargetIssue.None && Handle is not null;

    /// <summary>tuiports runs under this process (its shell, tmux, the sshd session): signalling it needs a second yes.</summary>
    public bool IsAncestor { get; init; }

    public int Pid => Process.Pid;

    public TargetFacts Facts { get; init; } = TargetFacts.None;

    /// <summary>The signal this target gets: the one asked for, or its daemon's documented stop.</summary>
    public int Signal { get; init; } = Signals.SIGTERM;

    /// <summary>Set when <see cref="Signal"/> comes from the daemon table rather than from the operator.</summary>
    public DaemonStop? Daemon { get; init; }

    public Supervisor? Supervisor { get; init; }

    /// <summary>Holders of the socket below it in its tree that run the same program (pre-fork workers).</summary>
    public IReadOnlyList<ProcessInfo> SameProgramChildren { get; init; } = [];

    /// <summary>Holders below it that run another program (or whose program cannot be read): they may keep the port.</summary>
    public IReadOnlyList<ProcessInfo> OtherChildren { get; init; } = [];

    public SignalReaction Reaction => SignalPrediction.Predict(Facts.Masks, Signal);

    /// <summary>A signal that will end it when <see cref="Signal"/> will not (it ignores or blocks it).</summary>
    public int? WorkingInstead => SignalPrediction.WorkingInstead(Facts.Masks, Signal);

    /// <summary>
    /// The signal is meant to end the process: TERM, INT, QUIT, KILL, its daemon's own stop, or any signal the kernel
    /// will act on with its default action (a HUP to a process without a handler ends it). Otherwise it is a reload.
    /// </summary>
    public bool IsStop =>
        Signal is Signals.SIGTERM or Signals.SIGINT or Signals.SIGQUIT or Signals.SIGKILL
        || Reaction == SignalReaction.Ends
        || (Daemon is { } d && (Signal == d.Signal || Signal == d.Gentler));

    public void Dispose() => Handle?.Dispose();
}
