using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using TuiPorts.Core.Live;
using TuiPorts.Core.Remote;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>Several hosts merged into one snapshot on virtual time: the table's view of the fleet.</summary>
public sealed class HostsViewTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);
    private readonly HistoricalScheduler _time = new();
    private readonly Subject<RefreshResult> _local = new();
    private readonly Subject<HostSnapshot> _web1 = new();
    private readonly Subject<HostSnapshot> _db1 = new();
    private readonly List<RefreshResult> _results = [];
    private readonly HostsView _view;

    public HostsViewTests()
    {
        _view = new HostsView(["here", "web1", "db1"], [HostsView.Local("here", _local), _web1, _db1], _time, Settle);
        _view.Results().Subscribe(_results.Add);
    }

    private RefreshResult Last => _results[^1];

    private static HostSnapshot Live(string host, Snapshot snapshot) => new(new HostStatus(host, HostState.Live), snapshot.On(host));

    [Fact]
    public void At_first_every_host_is_connecting_and_nothing_is_shown()
    {
        Assert.Single(_results);
        Assert.Empty(Last.Snapshot!.Sockets);
        Assert.Equal(["here", "web1", "db1"], Last.Hosts.Select(h => h.Host));
        Assert.All(Last.Hosts, h => Assert.Equal(HostState.Connecting, h.State));
    }

    [Fact]
    public void Every_live_hosts_sockets_are_merged_with_their_host_and_each_hosts_own_namespace()
    {
        _local.OnNext(RefreshResult.Ok(Of(Tcp(22, 1, "LISTEN", Process(1, "sshd", ppid: 0))), TimeSpan.Zero));
        _web1.OnNext(Live("web1", Of(Tcp(8080, 1, "LISTEN", Process(100)))));
        var foreign = Of(Tcp(5432, 1, "LISTEN", Process(200, "postgres"))) with { OwnNetns = 99 };
        _db1.OnNext(Live("db1", foreign));
        _time.AdvanceBy(Settle);

        Assert.Equal(2, _results.Count); // three updates close together: merged once
        var merged = Last.Snapshot!;
        Assert.Equal(["here", "web1", "db1"], merged.Sockets.Select(s => s.Host));
        Assert.Equal(3, merged.Sockets.Select(s => s.Key).Distinct().Count()); // same inode, three hosts: three sockets
        Assert.All(Last.Hosts, h => Assert.Equal(HostState.Live, h.State));
        Assert.False(merged.InOtherNetns(merged.Sockets[1]));
        Assert.True(merged.InOtherNetns(merged.Sockets[2])); // db1's tuiports runs in namespace 99
        Assert.Equal(36, merged.Stats.Processes);
    }

    [Fact]
    public void A_host_that_fails_leaves_the_table_while_the_others_stay_live()
    {
        _web1.OnNext(Live("web1", Of(Tcp(8080, 1, "LISTEN", Process(100)))));
        _db1.OnNext(Live("db1", Of(Tcp(5432, 2, "LISTEN", Process(200)))));
        _time.AdvanceBy(Settle);

        var failed = new HostStatus("db1", HostState.Failed, "Connection to db1 closed by remote host.", TimeSpan.FromSeconds(1));
        _db1.OnNext(new HostSnapshot(failed, null));
        _time.AdvanceBy(Settle);

        Assert.Equal(["web1"], Last.Snapshot!.Sockets.Select(s => s.Host));
        Assert.Equal(failed, Last.Hosts[2]);
        Assert.Equal("3 hosts (1 unreachable, 1 connecting)", Core.Presentation.Wording.HostCount(Last.Hosts));
    }

    [Fact]
    public void A_failed_local_scan_keeps_this_machines_last_sockets_and_says_why()
    {
        _local.OnNext(RefreshResult.Ok(Of(Tcp(22, 1, "LISTEN", Process(1, "sshd", ppid: 0))), TimeSpan.Zero));
        _local.OnNext(RefreshResult.Failed(new IOException("proc vanished"), TimeSpan.Zero));
        _time.AdvanceBy(Settle);

        Assert.Equal(["here"], Last.Snapshot!.Sockets.Select(s => s.Host));
        Assert.Equal(HostState.Failed, Last.Hosts[0].State);
        Assert.Equal("refresh failed: IOException: proc vanished", Last.Hosts[0].Message);
    }

    [Fact]
    public void While_paused_news_is_kept_and_shown_on_resume()
    {
        _view.SetPaused(true);
        _web1.OnNext(Live("web1", Of(Tcp(8080, 1, "LISTEN", Process(100)))));
        _time.AdvanceBy(TimeSpan.FromSeconds(5));
        Assert.Single(_results);

        _view.SetPaused(false);
        _time.AdvanceBy(Settle);

        Assert.Equal(2, _results.Count);
        Assert.Single(Last.Snapshot!.Sockets);
    }
}
