namespace TuiPorts.Core.Killing;

/// <summary>
/// Which signal, how long to watch the port (<see cref="Timeout"/>), and - only when asked for - when to follow up with
/// SIGKILL (<see cref="KillAfter"/>). Without it tuiports never sends SIGKILL on its own. A signal the operator did not
/// name (<see cref="Explicit"/> false) gives way to a daemon's documented stop (PostgreSQL: SIGINT).
/// </summary>
public sealed record KillRequest(int Signal = Signals.SIGTERM, TimeSpan? Timeout = null, TimeSpan? KillAfter = null)
{
    /// <summary>The operator named the signal (<c>--signal</c>, S): it is sent as it is.</summary>
    public bool Explicit { get; init; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan WaitFor => Timeout ?? DefaultTimeout;

    /// <summary>How long the port is watched: the timeout, or until a second after an explicit SIGKILL.</summary>
    public TimeSpan WatchFor => KillAfter is { } k && k + TimeSpan.FromSeconds(1) > WaitFor ? k + TimeSpan.FromSeconds(1) : WaitFor;

    /// <summary>Signals meant to end a process; others (HUP, USR1...) ask it to reload when it has a handler.</summary>
    public bool ExpectsExit => Signal is Signals.SIGTERM or Signals.SIGKILL or Signals.SIGINT or Signals.SIGQUIT;
}

public enum KillStatus
{
    /// <summary>The process is gone.</summary>
    Exited,

    /// <summary>The signal was delivered and the process is (still) running.</summary>
    Running,

    /// <summary>Nothing was sent: refused, already gone, pid reused, not ours.</summary>
    NotSent,

    /// <summary>Sending failed (EPERM, ESRCH at send time...).</summary>
    Failed,
}
