using System.Globalization;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// A fake /proc in a temp directory, built with real symlinks: <c>&lt;pid&gt;/fd/N -> socket:[inode]</c>,
/// <c>&lt;pid&gt;/ns/net -> net:[id]</c>, <c>self -> &lt;own pid&gt;</c>, and <c>net/{tcp,...}</c> tables.
/// </summary>
public sealed class FixtureProcTree : IDisposable
{
    public const ulong HostNetns = 4026531840;
    public const int SelfPid = 999_000;
    public const string TcpHeader = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

    public FixtureProcTree(ulong ownNetns = HostNetns)
    {
        Root = Directory.CreateTempSubdirectory("tuiports-proc-").FullName;
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(Root, "net"));
        File.WriteAllText(Path.Combine(Root, "stat"), "cpu  1 2 3 4\nbtime 1700000000\n");
        PasswdPath = Path.Combine(Root, "passwd");
        File.WriteAllText(PasswdPath, "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(Root, "services"), "ssh 22/tcp\nhttp 80/tcp\n");
        AddProcess(SelfPid, "tuiports", "tuiports", netns: ownNetns);
        File.CreateSymbolicLink(Path.Combine(Root, "self"), SelfPid.ToString(CultureInfo.InvariantCulture));
    }

    public string Root { get; }

    public string PasswdPath { get; }

    /// <summary>The fixture as a proc root; its /etc files (passwd, services) live in the same directory.</summary>
    public Core.ProcFs.ProcRoot ProcRoot => new(Root, EtcPath: Root);

    /// <summary>Writes a socket table of the own namespace (<c>net/tcp</c>) or of a pid (<c>&lt;pid&gt;/net/tcp</c>).</summary>
    public void WriteTable(string table, IEnumerable<string> rows, int? pid = null)
    {
        string directory = pid is null ? Path.Combine(Root, "net") : Path.Combine(Root, Pid(pid.Value), "net");
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, table), [TcpHeader, .. rows]);
    }

    /// <summary>A table line: <c>Row(0, "0100007F:2328", "00000000:0000", "0A", 4242)</c>.</summary>
    public static string Row(int sl, string local, string remote, string state, ulong inode, int uid = 0) =>
        $"{sl,4}: {local} {remote} {state} 00000000:00000000 00:00000000 00000000 {uid,5}        0 {inode} 1 0000000000000000 100 0 0 10 0";

    public FixtureProcTree AddProcess(
        int pid, string comm, string cmdline, int uid = 0, ulong netns = HostNetns, ulong startTicks = 12345,
        int ppid = 1, bool fds = true)
    {
        string dir = Path.Combine(Root, Pid(pid));
        Directory.CreateDirectory(Path.Combine(dir, "ns"));
        if (fds)
        {
            Directory.CreateDirectory(Path.Combine(dir, "fd"));
        }

        File.WriteAllText(Path.Combine(dir, "stat"), Stat(pid, comm, ppid, startTicks));
        File.WriteAllText(Path.Combine(dir, "status"), $"Name:\t{comm}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\nGid:\t0\t0\t0\t0\n");
        File.WriteAllText(Path.Combine(dir, "cmdline"), cmdline.Replace(' ', '\0') + "\0");
        File.CreateSymbolicLink(Path.Combine(dir, "ns", "net"), $"net:[{netns}]");
        return this;
    }

    public static string Stat(int pid, string comm, int ppid = 1, ulong startTicks = 12345, ulong flags = 4194560) =>
        $"{pid} ({comm}) S {ppid} {pid} {pid} 0 -1 {flags} 100 0 0 0 1 2 0 0 20 0 1 0 {startTicks} 1000000 100 18446744073709551615\n";

    public FixtureProcTree AddSocketFd(int pid, int fd, ulong inode) => AddFd(pid, fd, $"socket:[{inode}]");

    public FixtureProcTree AddFd(int pid, int fd, string target)
    {
        File.CreateSymbolicLink(Path.Combine(Root, Pid(pid), "fd", fd.ToString(CultureInfo.InvariantCulture)), target);
        return this;
    }

    /// <summary>Makes a process look like it exited between the pid listing and the fd walk.</summary>
    public void RemoveFdDirectory(int pid) => Directory.Delete(Path.Combine(Root, Pid(pid), "fd"), recursive: true);

    /// <summary>chmod 000 on the fd directory (refuses a non-root reader, not root).</summary>
    public void MakeFdDirectoryUnreadable(int pid) =>
        File.SetUnixFileMode(Path.Combine(Root, Pid(pid), "fd"), UnixFileMode.None);

    public void Dispose()
    {
        foreach (string fd in Directory.EnumerateDirectories(Root, "fd", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(fd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);
}
