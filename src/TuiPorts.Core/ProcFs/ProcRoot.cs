using System.Globalization;
using TuiPorts.Core.Interop;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// The one seam between the engine and the machine, and the one place paths are built: a directory laid out like
/// /proc, plus the directory holding the two /etc files the engine consults (passwd, services). Tests point both at a
/// fixture tree in a temp directory; production uses <c>/proc</c> and <c>/etc</c>.
/// </summary>
public sealed record ProcRoot(string Path, string EtcPath = "/etc")
{
    public static ProcRoot Default { get; } = new("/proc");

    public string PasswdPath => $"{EtcPath}/passwd";

    public string ServicesPath => $"{EtcPath}/services";

    /// <summary><c>/proc/stat</c> (boot time).</summary>
    public string StatPath => $"{Path}/stat";

    public string Pid(int pid) => $"{Path}/{pid.ToString(CultureInfo.InvariantCulture)}";

    public string PidFile(int pid, string relative) => $"{Pid(pid)}/{relative}";

    /// <summary>A file of the reading process itself: <c>/proc/self/fd</c>, <c>/proc/self/status</c>.</summary>
    public string SelfFile(string relative) => $"{Path}/self/{relative}";

    /// <summary>The socket table of the reader's own namespace, e.g. <c>/proc/net/tcp</c>.</summary>
    public string OwnNetFile(string table) => $"{Path}/net/{table}";

    /// <summary>
    /// True when <see cref="Path"/> is a mounted procfs (statfs magic), not a copy or a fixture: only then do kernel
    /// interfaces such as sock_diag describe the same machine as the files.
    /// </summary>
    public unsafe bool IsRealProcfs()
    {
        byte* buffer = stackalloc byte[256];
        return NativeMethods.StatFs(Path, buffer) == 0 && *(long*)buffer == NativeMethods.ProcSuperMagic;
    }

    /// <summary>The pids present right now, ascending (the kernel lists thread-group leaders only).</summary>
    public List<int> ListPids()
    {
        var pids = new List<int>();
        _ = FdTableReader.ListNumbers(Path, pids);
        pids.RemoveAll(pid => pid <= 0);
        pids.Sort();
        return pids;
    }

    /// <summary>
    /// Reads a small file to EOF (proc files report size 0), at most <see cref="ProcFile.SmallFileBytes"/>; null when
    /// it cannot be read. Per-process files have their own, smaller caps (<see cref="ProcFile"/>).
    /// </summary>
    public static string? TryReadText(string path) => ProcFile.TryReadText(path, ProcFile.SmallFileBytes);
}
