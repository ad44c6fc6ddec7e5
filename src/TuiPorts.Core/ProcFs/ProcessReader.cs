using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>Reads the facts of one process (stat, status, cmdline) into a <see cref="ProcessInfo"/>.</summary>
public sealed class ProcessReader
{
    /// <summary>USER_HZ: the unit of starttime. 100 on every Linux architecture .NET runs on.</summary>
    public const int ClockTicksPerSecond = 100;

    private readonly ProcRoot _root;
    private readonly PasswdFile _passwd;
    private readonly DateTimeOffset? _bootTime;

    public ProcessReader(ProcRoot root)
    {
        _root = root;
        _passwd = PasswdFile.Load(root.PasswdPath);
        _bootTime = ReadBootTime(root);
    }

    /// <summary>The process's facts, or null when it has gone (or its stat is unreadable garbage).</summary>
    public ProcessInfo? Read(int pid)
    {
        string? statText = ProcFile.TryReadText(_root.PidFile(pid, "stat"), ProcFile.StatBytes);
        var stat = statText is null ? null : ProcStat.Parse(statText);
        if (stat is null)
        {
            return null;
        }

        string? statusText = ProcFile.TryReadText(_root.PidFile(pid, "status"), ProcFile.StatusBytes);
        int uid = (statusText is null ? null : ProcStatus.ParseUid(statusText)) ?? -1;
        string cmdline = CommandLine.Read(_root.PidFile(pid, "cmdline"));
        DateTimeOffset? startedAt = StartedAt(_bootTime, stat.StartTimeTicks);
        return new ProcessInfo(
            pid,
            stat.Comm,
            cmdline,
            uid,
            uid < 0 ? "?" : _passwd.NameOf(uid),
            stat.StartTimeTicks,
            startedAt,
            stat.ParentPid,
            stat.IsKernelThread)
        {
            Cgroup = CgroupFile.Parse(ProcFile.TryReadText(_root.PidFile(pid, "cgroup"), ProcFile.CgroupBytes)),
        };
    }

    /// <summary>Boot time + start ticks; null when either is unknown or absurd (a corrupt stat must not throw).</summary>
    private static DateTimeOffset? StartedAt(DateTimeOffset? bootTime, ulong startTicks)
    {
        double seconds = (double)startTicks / ClockTicksPerSecond;
        if (bootTime is not { } boot || seconds > (DateTimeOffset.MaxValue - boot).TotalSeconds)
        {
            return null;
        }

        return boot.AddTicks((long)startTicks * (TimeSpan.TicksPerSecond / ClockTicksPerSecond)); // exact: 10 ms per tick
    }

    /// <summary>The start time alone (no /etc/passwd needed): the cheap identity check.</summary>
    public static ulong? ReadStartTime(ProcRoot root, int pid) =>
        StartTimeReader.TryRead(root.Path, pid, out ulong start) switch
        {
            true => start,
            false => null,
            null => ReadStartTimeSlowly(root, pid), // a stat line too long for the fast path's buffer
        };

    private static ulong? ReadStartTimeSlowly(ProcRoot root, int pid)
    {
        string? statText = ProcFile.TryReadText(root.PidFile(pid, "stat"), ProcFile.StatBytes);
        return statText is null ? null : ProcStat.Parse(statText)?.StartTimeTicks;
    }

    /// <summary>The <c>btime</c> line of /proc/stat: boot time in seconds since the epoch.</summary>
    private static DateTimeOffset? ReadBootTime(ProcRoot root)
    {
        string? text = ProcRoot.TryReadText(root.StatPath);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("btime ")
                && long.TryParse(line[6..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                && seconds < 253_402_300_000) // within DateTimeOffset's range
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }
}
