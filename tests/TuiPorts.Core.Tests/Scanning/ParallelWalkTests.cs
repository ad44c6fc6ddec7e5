using System.Globalization;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>A cold scan of many processes walks them on every core; the result must be what one thread would find.</summary>
public sealed class ParallelWalkTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Many_processes_walked_in_parallel_give_every_socket_its_exact_holders()
    {
        const int processes = HolderScanner.ParallelWalkThreshold * 2;
        var rows = new List<string>();
        for (int i = 0; i < processes; i++)
        {
            int pid = 1000 + i;
            ulong own = (ulong)(5000 + i);
            rows.Add(Row(i, $"0100007F:{(20000 + i).ToString("X4", CultureInfo.InvariantCulture)}", "00000000:0000", "0A", own));
            _proc.AddProcess(pid, $"worker{i}", $"worker {i}", startTicks: (ulong)(100 + i)).AddSocketFd(pid, 3, own);
            if (i % 7 == 0)
            {
                _proc.AddSocketFd(pid, 4, 5000); // every seventh process also holds worker 0's listener
            }
        }

        _proc.WriteTable("tcp", rows);

        var snapshot = new ProcSnapshotSource(_proc.ProcRoot).Take();

        Assert.Equal(processes, snapshot.Sockets.Count);
        foreach (var socket in snapshot.Sockets)
        {
            int index = (int)(socket.Inode - 5000);
            int[] expected = index == 0
                ? [.. Enumerable.Range(0, processes).Where(i => i % 7 == 0).Select(i => 1000 + i)]
                : [1000 + index];
            Assert.Equal(expected, socket.Holders.Select(h => h.Pid));
        }

        Assert.Equal(processes + 1, snapshot.Stats.Processes); // and tuiports itself (the fixture's self)
    }
}
