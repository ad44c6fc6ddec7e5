namespace TuiPorts.Core.Killing;

/// <summary>
/// Which signal, how long to watch the port (<see cref="Timeout"/>), and - only when asked for - when to follow up with
/// SIGKILL (<see cref="KillAfter"/>). Without it tuiports never sends SIGKILL on its own.
/// </summary>
public sealed record KillRequest(int Signal = Signals.SIGTERM, TimeSpan? Timeout = null, TimeSpan? KillAfter = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan WaitFor => Timeout ?? DefaultTimeout;

    /// <summary>How long the port is watched: the timeout, or until a second after an explicit SIGKILL.</summary>
    public TimeSpan WatchFor => KillAfter is { } k && k + TimeSpan.FromSeconds(1) > WaitFor ? k + TimeSpan.FromSeconds(1) : WaitFor;

    /// <summary>Signals meant to end a process; others (HUP, USR1...) usually ask it to reload, so nobody waits.</summary>
    public bool ExpectsExit => Signal is Signals.SIGTERM or Signals.SIGKILL or Signals.SIGINT or Signals.SIGQUIT;

    public string Describe() => KillAfter is { } k && Signal != Signals.SIGKILL
        ? $"{Signals.Name(Signal)}, then SIGKILL after {Presentation.Formats.Seconds(k)}"
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
