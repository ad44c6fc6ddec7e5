namespace TuiPorts.Core.Killing;

/// <summary>Who starts a process again after it exits.</summary>
public enum SupervisorKind
{
    /// <summary>systemd, for a process in a system unit's cgroup (PID 1 is systemd).</summary>
    Systemd,

    /// <summary>supervisord: the process was started as a supervisord program (its environment says which).</summary>
    Supervisord,

    /// <summary>runit's <c>runsv</c>, in the service directory it runs.</summary>
    Runit,

    /// <summary>s6's <c>s6-supervise</c>, in the service directory it runs.</summary>
    S6,

    /// <summary>A container runtime (the process is in a container's cgroup).</summary>
    Container,

    /// <summary>Any other live parent seen restarting a child before (a shell loop, a home-made supervisor).</summary>
    Parent,
}

/// <summary>
/// A supervisor that will restart a kill target, with its own stop command when it has one. Every part of
/// <see cref="StopCommand"/> was validated against the supervisor's own naming grammar, so pasting it runs only that.
/// </summary>
public sealed record Supervisor(SupervisorKind Kind, int Pid, string Name, string? StopCommand);
