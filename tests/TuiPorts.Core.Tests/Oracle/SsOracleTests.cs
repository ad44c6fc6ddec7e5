using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Oracle;

/// <summary>
/// The engine against the machine's own <c>ss -tuanpe</c>: for loopback sockets this test opens itself, both must
/// agree on address, port, state, inode and every (pid, fd) holder.
/// </summary>
[Trait("Category", "Oracle")]
public sealed partial class SsOracleTests
{
    [Fact]
    public void Engine_and_ss_agree_on_every_socket_this_test_opens()
    {
        using var tcp4 = new TcpListener(IPAddress.Loopback, 0);
        using var tcp6 = new TcpListener(IPAddress.IPv6Loopback, 0);
        tcp4.Start();
        tcp6.Start();
        using var udp4 = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var udp6 = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect((IPEndPoint)tcp4.LocalEndpoint);
        using var accepted = tcp4.AcceptTcpClient();
        using var forked = new ForkedListener();

        int[] ports =
        [
            ((IPEndPoint)tcp4.LocalEndpoint).Port, ((IPEndPoint)tcp6.LocalEndpoint).Port,
            ((IPEndPoint)udp4.Client.LocalEndPoint!).Port, ((IPEndPoint)udp6.Client.LocalEndPoint!).Port,
            ((IPEndPoint)client.Client.LocalEndPoint!).Port, forked.Port,
        ];

        var snapshot = new ProcSnapshotSource(ProcRoot.Default).Take();
        int[] ours = [Environment.ProcessId, forked.ParentPid, forked.ChildPid];
        // this test's sockets only: another process on the machine may use the same port number in another protocol
        var ssRows = RunSs().Where(r => ports.Contains(r.LocalPort) && r.Holders.Count > 0 && r.Holders.All(h => ours.Contains(h.Pid))).ToList();

        Assert.Equal(7, ssRows.Count); // 2 TCP + 2 UDP listeners, both ends of one connection, the forked listener
        foreach (var ss in ssRows)
        {
            var entry = Assert.Single(snapshot.Sockets, s => s.Inode == ss.Inode);
            Assert.Equal(ss.Local, entry.LocalEndpoint);
            Assert.Equal(ss.LocalPort, entry.LocalPort);
            Assert.Equal(ss.State, entry.State);
            var holders = entry.Holders.SelectMany(o => o.Fds.Select(fd => (o.Pid, fd))).Order().ToList();
            Assert.Equal(ss.Holders.Order().ToList(), holders);
        }

        // by its inode: another program's listener may have the same port number on another address
        var sharedRow = Assert.Single(ssRows, r => r.LocalPort == forked.Port && r.State == "LISTEN");
        var shared = Assert.Single(snapshot.Sockets, s => s.Inode == sharedRow.Inode);
        Assert.Equal(new[] { forked.ParentPid, forked.ChildPid }.Order(), shared.Holders.Select(o => o.Pid));
        Assert.All(shared.Holders, o => Assert.Equal("perl", o.Process.Name));
    }

    private sealed record SsRow(string State, string Local, int LocalPort, ulong Inode, List<(int Pid, int Fd)> Holders);

    private static List<SsRow> RunSs()
    {
        var start = new ProcessStartInfo("ss", ["-H", "-tuanpe"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ss = Process.Start(start)!;
        string output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        var rows = new List<SsRow>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var inode = InodePattern().Match(line);
            if (columns.Length < 6 || !inode.Success)
            {
                continue;
            }

            string local = columns[4];
            int port = int.Parse(local[(local.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            var holders = HolderPattern().Matches(line)
                .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
                .ToList();
            string state = columns[1] == "ESTAB" ? "ESTABLISHED" : columns[1];
            rows.Add(new SsRow(state, local, port, ulong.Parse(inode.Groups[1].Value, CultureInfo.InvariantCulture), holders));
        }

        return rows;
    }

    [GeneratedRegex(@"ino:(\d+)")]
    private static partial Regex InodePattern();

    [GeneratedRegex(@"pid=(\d+),fd=(\d+)")]
    private static partial Regex HolderPattern();
}
