using System.Text;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Killing;

/// <summary>
/// What the kernel says about a kill target beyond its stat line, read when a kill is planned (never during a scan):
/// the program it runs (<c>/proc/&lt;pid&gt;/exe</c>), its signal masks, the supervisord program it was started as
/// (<c>SUPERVISOR_PROCESS_NAME</c> in its environment) and its working directory (a runit/s6 service directory for
/// <c>runsv</c>/<c>s6-supervise</c>). Each is null when it cannot be read (another user's process without root).
/// </summary>
public sealed record TargetFacts(string? Exe, SignalMasks? Masks, string? SupervisorProgram, string? WorkingDirectory)
{
    public static TargetFacts None { get; } = new(null, null, null, null);

    /// <summary>The program's file name (<c>/usr/sbin/nginx</c> -> <c>nginx</c>), without a " (deleted)" mark.</summary>
    public string? ExeName => Exe is null ? null : Path.GetFileName(Exe.EndsWith(" (deleted)", StringComparison.Ordinal) ? Exe[..^10] : Exe);
}

/// <summary>Reads <see cref="TargetFacts"/> from a proc root, every file bounded.</summary>
public sealed class TargetFactsReader(ProcRoot root)
{
    /// <summary>An environment larger than this is not searched further (a variable must start inside it).</summary>
    private const int MaxEnvironBytes = 256 * 1024;

    public TargetFacts Read(int pid) => new(
        Link(pid, "exe"),
        SignalMasks.Parse(ProcRoot.TryReadText(root.PidFile(pid, "status"))),
        EnvironValue(root.PidFile(pid, "environ"), "SUPERVISOR_PROCESS_NAME"),
        Link(pid, "cwd"));

    private string? Link(int pid, string name) =>
        LinkReader.TryRead(root.PidFile(pid, name), out string target) == LinkStatus.Ok && target.Length > 0 ? target : null;

    /// <summary>One variable of a NUL-separated environ file (the environment the process was started with).</summary>
    public static string? EnvironValue(string path, string name)
    {
        byte[] data;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            data = new byte[MaxEnvironBytes];
            int total = 0;
            int read;
            while (total < data.Length && (read = stream.Read(data, total, data.Length - total)) > 0)
            {
                total += read;
            }

            Array.Resize(ref data, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        byte[] prefix = Encoding.UTF8.GetBytes(name + "=");
        foreach (var range in data.AsSpan().Split((byte)0))
        {
            var entry = data.AsSpan(range);
            if (entry.StartsWith(prefix))
            {
                return Encoding.UTF8.GetString(entry[prefix.Length..]);
            }
        }

        return null;
    }
}
