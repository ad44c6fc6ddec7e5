using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// Random tables (few ports and addresses, so many ties, repeats, peers and shared sockets) give the same document
/// through a one-shot picture as through a snapshot. Seeds are fixed: a failure names its seed.
/// </summary>
public sealed class OnceSourceRandomTests
{
    private static readonly string[] V4 = ["0100007F", "0200007F", "00000000"];
    private static readonly string[] V6 = ["00000000000000000000000001000000", "00000000000000000000000000000000", "0000000000000000FFFF00000100007F", "0000000000000000FFFF00000200007F"];
    private static readonly int[] Ports = [0, 22, 80, 9000, 9001, 50000, 50001];
    private static readonly string[] TcpStates = ["01", "06", "0A", "08", "02"];
    private static readonly string[] UdpStates = ["07", "01"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Random_tables_give_the_snapshots_document(int seed)
    {
        var random = new Random(seed);
        using var proc = new FixtureProcTree();
        var inodes = new List<ulong>();
        foreach (var (table, pid) in new[] { ("tcp", (int?)null), ("tcp6", null), ("udp", null), ("udp6", null), ("tcp", 900), ("udp", 900) })
        {
            proc.WriteTable(table, Rows(random, table, 60, inodes), pid);
        }

        var pids = new[] { 100, 101, 102, 103 };
        foreach (int pid in pids)
        {
            proc.AddProcess(pid, $"p{pid}", $"p{pid} --serve");
        }

        proc.AddProcess(900, "container", "container", netns: 4026532000);
        int fd = 3;
        foreach (ulong inode in inodes.Distinct().Where(i => i != 0))
        {
            for (int holders = random.Next(3); holders > 0; holders--)
            {
                proc.AddSocketFd(random.Next(2) == 0 ? 900 : pids[random.Next(pids.Length)], fd++, inode);
            }
        }

        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        foreach (var query in new[] { SocketQuery.All, new SocketQuery(new PortFilter([new PortRange(9000, 9001)], "9000-9001")), new SocketQuery(ListeningOnly: true) })
        {
            Assert.Equal(OnceDocuments.FromSnapshot(proc.ProcRoot, query, time), OnceDocuments.FromPicture(proc.ProcRoot, query, time));
        }
    }

    private static IEnumerable<string> Rows(Random random, string table, int count, List<ulong> inodes)
    {
        bool v6 = table.EndsWith('6');
        bool tcp = table.StartsWith("tcp", StringComparison.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string[] addresses = v6 ? V6 : V4;
            string local = $"{addresses[random.Next(addresses.Length)]}:{Ports[random.Next(Ports.Length)]:X4}";
            string remote = $"{addresses[random.Next(addresses.Length)]}:{Ports[random.Next(Ports.Length)]:X4}";
            string[] states = tcp ? TcpStates : UdpStates;
            ulong inode = random.Next(5) == 0 ? 0 : (ulong)(1000 + random.Next(150));
            inodes.Add(inode);
            yield return Row(i, local, remote, states[random.Next(states.Length)], inode, uid: random.Next(2) * 1000)
                .Replace(" 00000000:00000000 ", string.Create(CultureInfo.InvariantCulture, $" {random.Next(3):X8}:{random.Next(3):X8} "), StringComparison.Ordinal);
        }
    }
}
