namespace TuiPorts.Core.ProcFs;

/// <summary>
/// The one seam between the engine and the machine: a directory laid out like /proc. Tests point it at a fixture
/// tree in a temp directory; production uses <c>/proc</c>. Also carries the two /etc files the engine consults.
/// </summary>
public sealed record ProcRoot(string Path, string PasswdPath = "/etc/passwd")
{
    public static ProcRoot Default { get; } = new("/proc");

    public string Pid(int pid) => System.IO.Path.Combine(Path, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PidFile(int pid, string relative) => $"{Pid(pid)}/{relative}";

    /// <summary>The socket table of the reader's own namespace, e.g. <c>/proc/net/tcp</c>.</summary>
    public string OwnNetFile(string table) => $"{Path}/net/{table}";

    /// <summary>The pids present right now, ascending (the kernel lists thread-group leaders only).</summary>
    public List<int> ListPids()
    {
        var pids = new List<int>();
        _ = FdTableReader.ListNumbers(Path, pids);
        pids.RemoveAll(pid => pid <= 0);
        pids.Sort();
        return pids;
    }

    /// <summary>Reads a whole file to EOF (proc files report size 0); null when it cannot be read.</summary>
    public static string? TryReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
