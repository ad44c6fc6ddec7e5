using System.Net;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Output;

/// <summary><c>tuiports --once</c> as text: on an 80-column terminal the holders and their command stay, piped every column stays whole.</summary>
public sealed class SnapshotTableWriterTests
{
    private static ProcessInfo Process(int pid, string name, string command, string user) =>
        new(pid, name, command, 0, user, 100, null, 1, false);

    private static SocketEntry Socket(int port, ulong inode, IPAddress remote, int remotePort, string state, params SocketHolder[] holders) => new(
        Protocol.Tcp, state, IPAddress.Parse("10.20.30.40"), port, remote, remotePort, 0, 0, 0, inode, FixtureProcTree.HostNetns, false,
        new EquatableArray<SocketHolder>(holders));

    private static readonly Snapshot Nginx = TestSupport.Snapshots.Of(
        Socket(8080, 123456789, IPAddress.Any, 0, "LISTEN",
            new SocketHolder(Process(4100, "nginx", "nginx: master process /usr/sbin/nginx -g daemon on; master_process on;", "root"), new EquatableArray<int>([6])),
            new SocketHolder(Process(4101, "nginx", "nginx: worker process", "www-data"), new EquatableArray<int>([6]))),
        Socket(5432, 987654321, IPAddress.Parse("10.20.30.41"), 51234, "ESTABLISHED",
            new SocketHolder(Process(812, "postgres", "postgres: 15/main: app appdb 10.20.30.41(51234) idle", "postgres"), new EquatableArray<int>([9]))));

    private static string[] Lines(int? width)
    {
        var output = new StringWriter();
        SnapshotTableWriter.Write(output, Nginx, Nginx.Sockets, width);
        return output.ToString().TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void At_80_columns_holders_and_a_cut_command_stay_and_inode_role_and_peer_go_first()
    {
        string[] lines = Lines(80);

        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length}: {l}"));
        Assert.Contains("Holders (pid/name fd)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Command", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Inode", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Role", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Peer", lines[0], StringComparison.Ordinal);
        Assert.True(lines[1].Contains("4100/nginx fd 6", StringComparison.Ordinal), string.Join("\n", lines));
        Assert.Contains("nginx: master", lines[1], StringComparison.Ordinal); // the command, cut at the edge
        Assert.EndsWith("~", lines[1], StringComparison.Ordinal);
        Assert.Contains("State", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("roo~", lines[1], StringComparison.Ordinal); // a user is whole or left out, never cut
    }

    [Fact]
    public void A_wide_terminal_keeps_every_column_and_piped_lines_are_whole()
    {
        foreach (int? width in new int?[] { null, 400 })
        {
            string[] lines = Lines(width);

            Assert.Equal(
                ["Proto", "State", "Role", "Local", "Address:Port", "Peer", "Address:Port", "Inode", "User", "Holders", "(pid/name", "fd)", "Command"],
                lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("123456789", lines[1], StringComparison.Ordinal);
            Assert.EndsWith("daemon on; master_process on;", lines[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_very_narrow_terminal_drops_state_and_user_too_and_cuts_the_holders_before_the_command_vanishes()
    {
        string[] lines = Lines(50);

        Assert.All(lines, l => Assert.True(l.Length <= 50, $"{l.Length}: {l}"));
        Assert.DoesNotContain("State", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("User", lines[0], StringComparison.Ordinal);
        Assert.Contains("4100/ngin", lines[1], StringComparison.Ordinal);
        Assert.Contains("ngin", lines[1][^16..], StringComparison.Ordinal); // the command keeps its room at the end
    }
}
