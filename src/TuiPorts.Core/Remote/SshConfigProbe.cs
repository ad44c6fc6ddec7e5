using System.Collections.Concurrent;
using System.Diagnostics;

namespace TuiPorts.Core.Remote;

/// <summary>
/// Whether the user's own ssh configuration sets ServerAliveInterval for a host (<c>ssh -G</c> prints the settings
/// ssh would use; a non-zero interval was set by someone). ssh takes the first value it reads and the command line
/// comes first, so tuiports passes its own keep-alive only where the user's config has none: theirs wins. Asked once
/// per host; a probe that fails or hangs counts as "not set".
/// </summary>
public sealed class SshConfigProbe(string ssh = "ssh", string? configFile = null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public bool SetsServerAlive(string host) => _known.GetOrAdd(host, Probe);

    /// <summary>True when <c>ssh -G</c>'s output has a <c>serveraliveinterval</c> other than 0.</summary>
    public static bool SetsServerAlive(IEnumerable<string> settings) =>
        settings.Select(l => l.Trim().Split(' ', 2)).Any(p => p.Length == 2 && p[0] == "serveraliveinterval" && p[1].Trim() != "0");

    private bool Probe(string host)
    {
        var start = new ProcessStartInfo(ssh) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (configFile is not null)
        {
            start.ArgumentList.Add("-F");
            start.ArgumentList.Add(configFile);
        }

        start.ArgumentList.Add("-G");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(host);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill();
                return false;
            }

            return process.ExitCode == 0 && SetsServerAlive(output.Result.Split('\n'));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return false;
        }
    }
}
