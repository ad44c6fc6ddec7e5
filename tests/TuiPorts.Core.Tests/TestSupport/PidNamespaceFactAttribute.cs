using System.Diagnostics;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>A fact that needs a private PID namespace: skipped with the reason when this machine forbids one.</summary>
public sealed class PidNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public PidNamespaceFactAttribute()
    {
        if (Reason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root: run the tests as root (CI does) to exercise this";
        }

        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", ["--pid", "--fork", "--mount-proc", "true"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            string error = probe.StandardError.ReadToEnd();
            probe.WaitForExit(10_000);
            return probe.ExitCode == 0 ? null : $"this environment forbids a private PID namespace: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"unshare is not available: {e.Message}";
        }
    }
}
