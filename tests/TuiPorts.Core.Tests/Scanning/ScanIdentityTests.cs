using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>The holder scan reads a process's identity before and after its fd walk, and drops a walk that straddled a pid reuse.</summary>
public sealed class ScanIdentityTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public ScanIdentityTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(300, "old", "old", startTicks: 1000).AddSocketFd(300, 3, 500);
    }

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void A_pid_reused_during_its_fd_walk_lends_its_sockets_to_no_one()
    {
        // the old process exits and its pid is reused while its fd table is being read
        var scanner = new HolderScanner(_proc.ProcRoot, fds: new ReusingFdReader(_proc, 300));

        var map = scanner.Scan().Map;

        Assert.False(map.Holds(500));
        Assert.False(map.StartTimeByPid.ContainsKey(300));
    }

    [Fact]
    public void A_process_that_stays_itself_is_walked_as_before()
    {
        var map = new HolderScanner(_proc.ProcRoot).Scan().Map;

        Assert.Equal([(300, 3)], map.HoldersOf(500));
        Assert.Equal(1000UL, map.StartTimeByPid[300]);
    }

    /// <summary>Reads the fds like the kernel, then replaces the process's stat with a newer process's (same pid).</summary>
    private sealed class ReusingFdReader(FixtureProcTree proc, int reusedPid) : IFdTableReader
    {
        public LinkStatus ReadSockets(ProcRoot root, int pid, FdWalk walk)
        {
            var status = FdTables.Kernel.ReadSockets(root, pid, walk);
            if (pid == reusedPid)
            {
                File.WriteAllText(Path.Combine(proc.Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat"), Stat(pid, "new", startTicks: 2000));
            }

            return status;
        }
    }
}
