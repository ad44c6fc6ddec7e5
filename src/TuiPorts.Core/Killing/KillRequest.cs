namespace TuiPorts.Core.Killing;

/// <summary>
/// Which signal, and whether to escalate: send <see cref="Signal"/>, watch for exit for <see cref="Timeout"/>, then
/// (with <see cref="Escalate"/>) send SIGKILL if the process is still alive.
/// </summary>
public sealed record KillRequest(int Signal = Signals.SIGTERM, bool Escalate = false, TimeSpan? Timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    public TimeSpan WaitFor => Timeout ?? DefaultTimeout;

    /// <summary>Signals meant to end a process; others (HUP, USR1...) usually ask it to reload, so nobody waits.</summary>
    public bool ExpectsExit => Signal is Signals.SIGTERM or Signals.SIGKILL or Signals.SIGINT or Signals.SIGQUIT;

    public string Describe() => Escalate && Signal != Signals.SIGKILL
        ? $"{Signals.Name(Signal)}, then SIGKILL after {Presentation.Formats.Seconds(WaitFor)}"
        : Signals.Name(Signal);
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

/// <summary>What happened to one target, in a sentence for the status line.</summary>
public sealed record KillOutcome(int Pid, KillStatus Status, string Message)
{
    /// <summary>True when the process is no longer holding anything.</summary>
    public bool Succeeded => Status == KillStatus.Exited;
}
