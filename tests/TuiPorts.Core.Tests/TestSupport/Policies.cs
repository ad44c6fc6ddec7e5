using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>Kill policies for tests.</summary>
public static class Policies
{
    /// <summary>A policy for a process <paramref name="ownPid"/> whose only known ancestor is <paramref name="parentPid"/>.</summary>
    public static KillPolicy WithParent(int ownPid, int parentPid) => new(ownPid, new Dictionary<int, string> { [parentPid] = "parent" });
}
