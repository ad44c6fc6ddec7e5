using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class WordingTests
{
    [Theory]
    [InlineData(1, "1 socket")]
    [InlineData(2, "2 sockets")]
    [InlineData(1204, "1,204 sockets")]
    public void Counts_agree_in_number(int n, string expected) => Assert.Equal(expected, Wording.Count(n, "socket"));

    [Fact]
    public void Hidden_holders_are_worded_for_root_and_non_root_in_good_grammar()
    {
        Assert.Equal("owners of 1 socket hidden — run with sudo to see them", Wording.HiddenSummary(1, 1, asRoot: false));
        Assert.Equal(
            "owners of 3 sockets hidden: 1 process refuses access to its fds even to root",
            Wording.HiddenSummary(3, 1, asRoot: true));
        Assert.Equal(
            "owners of 1 socket hidden: 2 processes refuse access to their fds even to root",
            Wording.HiddenSummary(1, 2, asRoot: true));
        Assert.Equal("owner hidden — run with sudo", Wording.HiddenHolder(asRoot: false));
    }

    [Fact]
    public void A_snapshot_words_hidden_holders_first_then_malformed_tables()
    {
        var hidden = Listener(80, 1) with { HoldersHidden = true };
        var snapshot = Of(hidden) with { Malformed = new EquatableArray<MalformedTable>([new("/proc/net/tcp", 1)]) };

        Assert.Equal(
            ["owners of 1 socket hidden — run with sudo to see them", "1 malformed line skipped in /proc/net/tcp"],
            Wording.Warnings(snapshot));
    }

    [Theory]
    [InlineData(KillRefusal.HoldersHidden, "owner hidden")]
    [InlineData(KillRefusal.ReadOnly, "--read-only")]
    [InlineData(KillRefusal.InitProcess, "pid 1 is the init process")]
    [InlineData(KillRefusal.Ancestor, "the shell that started tuiports runs under it")]
    public void Every_refusal_has_a_sentence(KillRefusal refusal, string expected)
    {
        var process = new ProcessInfo(7, "bash", "bash", 0, "root", 1, null, 1, false);

        Assert.Contains(expected, Wording.Refusal(refusal, process), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker-3f2a9c0d1e2b.scope", "3f2a9c0d1e2b", "container 3f2a9c0d1e2b")]
    [InlineData("nginx.service", null, "systemd unit nginx.service")]
    public void Where_a_process_runs_reads_the_same_in_the_detail_pane_and_the_kill_plan(string unit, string? container, string expected)
    {
        var process = new ProcessInfo(7, "nginx", "nginx", 0, "root", 1, null, 1, false) { Cgroup = new TuiPorts.Core.Model.CgroupInfo("/x", unit, container) };
        var socket = Listener(80, 1) with { Holders = new EquatableArray<SocketHolder>([new(process, new EquatableArray<int>([3]))]) };

        Assert.Equal(expected, Wording.RunsIn(process.Cgroup));
        Assert.Equal($" ({expected})", KillWording.Where(process));
        Assert.EndsWith($"  {expected}", HolderDetails.Build(socket, null, asRoot: true).Header[1], StringComparison.Ordinal);
        Assert.Null(Wording.RunsIn(null));
    }

    [Fact]
    public void A_socket_is_labelled_with_its_peer_unless_it_listens()
    {
        var connection = Listener(5432, 2) with { Role = SocketRole.Accepted, State = "ESTABLISHED", RemoteAddress = System.Net.IPAddress.Parse("10.0.0.9"), RemotePort = 51234 };

        Assert.Equal("tcp 127.0.0.1:80 LISTEN", Wording.SocketLabel(Listener(80, 1)));
        Assert.Equal("tcp 127.0.0.1:5432 -> 10.0.0.9:51234 ESTABLISHED", Wording.SocketLabel(connection));
    }
}
