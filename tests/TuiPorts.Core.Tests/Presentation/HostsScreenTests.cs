using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;

namespace TuiPorts.Core.Tests.Presentation;

/// <summary>The screen over several hosts: summary, host lines, the HOST column, text filter and sort across hosts.</summary>
public sealed class HostsScreenTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly ScreenState _screen;
    private readonly HostStatus _refused;

    public HostsScreenTests()
    {
        _screen = new ScreenState(SocketQuery.All, ServicesFile.Parse("http 80/tcp\n"), _time, new ScreenOptions(TimeSpan.FromSeconds(1), false, true));
        _refused = new HostStatus("db1", HostState.Failed, "ssh: connect to host db1 port 22: Connection refused", _screen.HostClock + TimeSpan.FromSeconds(4));
        var web1 = Of(Tcp(8080, 10, "LISTEN", Process(100, "java")), Tcp(80, 11, "LISTEN", Process(101))).On("web1");
        var web2 = Of(Tcp(8080, 10, "LISTEN", Process(100, "java"))).On("web2");
        var merged = HostsView.Combine(
        [
            new HostSnapshot(new HostStatus("web1", HostState.Live), web1),
            new HostSnapshot(new HostStatus("web2", HostState.Live), web2),
            new HostSnapshot(_refused, null),
        ]);
        _screen.Apply(merged);
    }

    [Fact]
    public void The_summary_counts_hosts_and_the_unreachable_one_then_the_sockets()
    {
        Assert.StartsWith("3 hosts (1 unreachable), 3 sockets  sort: local port asc", _screen.SummaryLine, StringComparison.Ordinal);

        _screen.SetFilterText("8080");

        Assert.StartsWith("3 hosts (1 unreachable), 3 sockets, 2 shown  sort:", _screen.SummaryLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_are_grouped_as_in_the_rest_of_the_screen()
    {
        var many = Of([.. Enumerable.Range(1, 1204).Select(i => Tcp(i, (ulong)i, "LISTEN", Process(100)))]).On("web1");
        _screen.Apply(HostsView.Combine(
        [
            new HostSnapshot(new HostStatus("web1", HostState.Live), many),
            new HostSnapshot(new HostStatus("web2", HostState.Live), Of()),
            new HostSnapshot(_refused, null),
        ]));

        Assert.StartsWith("3 hosts (1 unreachable), 1,204 sockets  sort:", _screen.SummaryLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_is_not_live_gets_a_line_with_sshs_words_and_the_time_to_the_next_attempt()
    {
        Assert.Equal(["db1: ssh: connect to host db1 port 22: Connection refused; retrying in 4 s"], _screen.HostLines);

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_screen.Tick()); // the countdown moves: redraw
        Assert.Equal(["db1: ssh: connect to host db1 port 22: Connection refused; retrying in 1 s"], _screen.HostLines);
    }

    [Fact]
    public void Sshs_sentences_keep_their_words_without_a_second_stop()
    {
        var now = _screen.HostClock;
        var dropped = new HostStatus("web1", HostState.Failed, "Connection to web1 closed by remote host.", now + TimeSpan.FromSeconds(2));

        Assert.Equal("web1: Connection to web1 closed by remote host; retrying in 2 s", Wording.HostLine(dropped, now));
        Assert.Equal("web1: Connection to web1 closed by remote host.", Wording.HostLine(dropped with { RetryAt = null }, now));
        Assert.Equal("web1: connecting...", Wording.HostLine(new HostStatus("web1", HostState.Connecting), now));
    }

    [Fact]
    public void More_than_three_hosts_down_fit_in_three_lines()
    {
        var down = Enumerable.Range(1, 5).Select(i => new HostStatus($"db{i}", HostState.Failed, "ssh: connect to host: No route to host")).ToList();

        var lines = StatusLines.Hosts([new HostStatus("web1", HostState.Live), .. down], _screen.HostClock);

        Assert.Equal(3, lines.Count);
        Assert.Equal("and 3 more: db3, db4, db5", lines[2]);
    }

    [Fact]
    public void A_typed_port_never_makes_the_next_merge_stale()
    {
        _screen.SetFilterText("8080"); // this machine alone would narrow its scan to it and drop older-scoped snapshots

        _screen.Apply(HostsView.Combine(
        [
            new HostSnapshot(new HostStatus("web1", HostState.Live), Of(Tcp(8080, 10, "LISTEN", Process(100, "java")), Tcp(8080, 12, "ESTABLISHED", Process(100, "java"))).On("web1")),
            new HostSnapshot(_refused with { Host = "web2" }, null),
            new HostSnapshot(_refused, null),
        ]));

        Assert.Equal([("web1", 10UL), ("web1", 12UL)], _screen.List.Rows.Where(r => r.Mark != RowMark.Gone).Select(r => (r.Socket.Host, r.Socket.Inode)));
        Assert.Equal("web2", Assert.Single(_screen.List.Rows, r => r.Mark == RowMark.Gone).Socket.Host); // its host went away
        Assert.StartsWith("3 hosts (2 unreachable), 2 sockets  sort:", _screen.SummaryLine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_filter_matches_host_names()
    {
        _screen.SetFilterText("web2");

        var row = Assert.Single(_screen.List.Rows);
        Assert.Equal("web2", row.Socket.Host);
    }

    [Fact]
    public void One_port_over_several_hosts_sorts_host_by_host_and_the_host_column_comes_first()
    {
        _screen.SetFilterText("8080");
        var rows = _screen.List.Rows;
        var layout = RowLayout.For(80, rows, _screen.List.Snapshot);

        Assert.Equal(["web1", "web2"], rows.Select(r => r.Socket.Host));
        Assert.StartsWith("  HOST Proto ", layout.Header(), StringComparison.Ordinal);
        Assert.StartsWith("  web1 tcp ", layout.Format(rows[0], _screen.List.Snapshot), StringComparison.Ordinal);

        _screen.SetSort(new SortOrder(SortColumn.Host, Descending: true));
        Assert.Equal(["web2", "web1"], _screen.List.Rows.Select(r => r.Socket.Host));
        Assert.Equal("host desc", _screen.List.Sort.ToString());
    }

    [Fact]
    public void This_machine_alone_has_no_host_column()
    {
        var snapshot = Of(Tcp(8080, 10, "LISTEN", Process(100)));
        var rows = new[] { new SocketRow(snapshot.Sockets[0], RowMark.None) };

        Assert.DoesNotContain("HOST", RowLayout.For(120, rows, snapshot).Header(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_holders_detail_says_its_fds_are_not_shown_and_names_the_host()
    {
        var socket = _screen.List.Rows.First(r => r.Socket.Host == "web2").Socket;

        var lines = HolderDetails.Build(socket, DetailFacts.ForRemoteHost, asRoot: true).Lines;

        Assert.StartsWith("web2: tcp 127.0.0.1:8080 -> *:*  LISTEN", lines[0], StringComparison.Ordinal);
        Assert.Contains("  open fds: not shown for remote hosts", lines);
    }

    [Fact]
    public void The_same_socket_on_two_hosts_is_two_identities()
    {
        var socket = Tcp(8080, 10, "LISTEN", Process(100));

        Assert.NotEqual((socket with { Host = "web1" }).Key, (socket with { Host = "web2" }).Key);
        Assert.Equal((socket with { Host = "web1" }).Key, (socket with { Host = "web1" }).Key);
        Assert.NotEqual(socket with { Host = "web1" }, socket with { Host = "web2" });
    }
}
