namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>A fact that needs root (CAP_NET_ADMIN for SOCK_DESTROY): skipped with the reason otherwise. CI runs as root.</summary>
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
