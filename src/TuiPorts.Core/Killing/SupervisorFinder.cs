using System.Text.RegularExpressions;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Names the supervisor that will restart a kill target, from facts only: the target's cgroup (a system unit, with PID
/// 1 being systemd), its environment (supervisord's <c>SUPERVISOR_PROCESS_NAME</c>, with a supervisord parent), its
/// parent's name and working directory (runit's <c>runsv</c>, s6's <c>s6-supervise</c>), or a parent this tuiports has
/// already seen restart a child. Names that do not match the supervisor's grammar give no command.
/// </summary>
public static partial class SupervisorFinder
{
    public static Supervisor? Find(
        ProcessInfo target, TargetFacts facts, Func<int, ProcessInfo?> lookup, Func<int, TargetFacts> factsOf,
        ISet<(int Pid, ulong Start)>? knownRestarters = null)
    {
        if (target.Cgroup is { Container: { } id })
        {
            return new Supervisor(SupervisorKind.Container, 0, $"container {id}", IsHex(id) ? $"docker stop {id}" : null);
        }

        var parent = target.ParentPid > 0 ? lookup(target.ParentPid) : null;
        if (parent is not null && parent.Pid != 1)
        {
            if (facts.SupervisorProgram is { } program && IsSupervisord(parent))
            {
                return new Supervisor(SupervisorKind.Supervisord, parent.Pid, "supervisord",
                    ProgramName().IsMatch(program) ? $"supervisorctl stop {program}" : null);
            }

            if (parent.Name is "runsv" or "s6-supervise")
            {
                string? dir = factsOf(parent.Pid).WorkingDirectory;
                bool runit = parent.Name == "runsv";
                string? command = dir is not null && ServicePath().IsMatch(dir) ? (runit ? $"sv down {dir}" : $"s6-svc -d {dir}") : null;
                return new Supervisor(runit ? SupervisorKind.Runit : SupervisorKind.S6, parent.Pid, parent.Name, command);
            }

            if (knownRestarters?.Contains((parent.Pid, parent.StartTimeTicks)) == true)
            {
                return new Supervisor(SupervisorKind.Parent, parent.Pid, parent.Name, null);
            }
        }

        if (SystemUnit(target) is { } unit && lookup(1) is { Name: "systemd" })
        {
            string command = unit.Contains('\\', StringComparison.Ordinal) ? $"systemctl stop '{unit}'" : $"systemctl stop {unit}";
            return new Supervisor(SupervisorKind.Systemd, 1, $"systemd unit {unit}", command);
        }

        return null;
    }

    /// <summary>
    /// The system unit (a <c>.service</c> directly under <c>/system.slice</c>, or nested in one) whose cgroup holds the
    /// process; null for user units (<c>/user.slice/...</c>: a user's own <c>sshd.service</c> is not the system's) and
    /// for names outside systemd's unit-name grammar.
    /// </summary>
    public static string? SystemUnit(ProcessInfo process)
    {
        string? path = process.Cgroup?.Path;
        if (path is null || !path.StartsWith("/system.slice/", StringComparison.Ordinal))
        {
            return null;
        }

        string? unit = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault(p => p.EndsWith(".service", StringComparison.Ordinal));
        return unit is not null && unit.Length <= 255 && UnitName().IsMatch(unit) ? unit : null;
    }

    /// <summary>supervisord is a script: its comm is "supervisord", or its command line names it.</summary>
    private static bool IsSupervisord(ProcessInfo process) =>
        process.Name == "supervisord" || process.CommandLine.Split(' ', 3).Take(2).Any(a => a.EndsWith("/supervisord", StringComparison.Ordinal) || a == "supervisord");

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>systemd's unit-name grammar: letters, digits, <c>:-_.\</c>, one optional <c>@instance</c>, the type suffix.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9:_.\\-]+(@[A-Za-z0-9:_.\\-]*)?\.service$")]
    private static partial Regex UnitName();

    /// <summary>supervisord program names (<c>group:name</c> too): no spaces, quotes or shell characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex ProgramName();

    [GeneratedRegex(@"^/[A-Za-z0-9._/@+=-]{1,255}$")]
    private static partial Regex ServicePath();
}
