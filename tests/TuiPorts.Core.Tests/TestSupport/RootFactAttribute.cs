namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>A fact that needs root (PID namespaces, ns_last_pid); skipped, with that reason shown, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: run the tests as root (CI does) to exercise this";
        }
    }
}
