namespace TuiPorts.Core.Interop;

/// <summary>The one answer to "are we root?" (effective uid 0), used by the engine, the UI and the CLI alike.</summary>
public static class Privileges
{
    public static bool IsRoot { get; } = NativeMethods.GetEffectiveUserId() == 0;
}
