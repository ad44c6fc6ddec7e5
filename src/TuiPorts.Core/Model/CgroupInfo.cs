namespace TuiPorts.Core.Model;

/// <summary>What /proc/&lt;pid&gt;/cgroup says about who runs a process: the systemd unit and the container, if any.</summary>
public sealed record CgroupInfo(string Path, string? Unit, string? Container)
{
    /// <summary>The container runtime's id, shortened the way <c>docker ps</c> shows it (12 hex characters).</summary>
    public const int ShortIdLength = 12;
}
