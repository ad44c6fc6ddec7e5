using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>The port watch on virtual time: "freed" only when it stayed free, restarts named by who restarted them.</summary>
public sealed class KillRunTests
{
    private static readonly ProcessInfo Loop = new(50, "bash", "bash -c while true; do ./server; sleep 2; done", 0, "root", 5, null, 1, false);
    private static readonly ProcessInfo Server = new(100, "server", "./server", 0, "root", 10, null, 50, false);
    private static readonly ProcessInfo Respawned = Server with { Pid = 130, StartTimeTicks = 13 };

    private static SocketEntry Held(ulong inode, ProcessInfo holder) => Listener(8080, inode) with
    {
        Role = SocketRole.Listener,
        Holders = new EquatableArray<SocketHolder>([new SocketHolder(holder, new EquatableArray<int>([3]))]),
    };

    private static (KillReport Report, TimeSpan Took) Run(Func<TimeSpan, Snapshot> world, KillRequest request, IProcessHandle? handle = null)
    {
        var time = new FakeTimeProvider();
        long start = time.GetTimestamp();
        if (handle is null)
        {
            handle = Substitute.For<IProcessHandle>();
            handle.HasExited.Returns(true);
        }

        var target = new KillTarget(Server, handle);
        var source = Substitute.For<ISnapshotSource>();
        source.Take().Returns(_ => world(time.GetElapsedTime(start)));
        var lookup = new Dictionary<int, ProcessInfo> { [50] = Loop, [100] = Server, [130] = Respawned };
        var report = new KillRun(source, pid => lookup.GetValueOrDefault(pid), time, time.Advance)
            .Execute([target], [PortTarget.Of([Held(1, Server)], [target])], request);
        return (report, time.GetElapsedTime(start));
    }

    [Fact]
    public void A_respawn_after_two_seconds_is_taken_again_never_freed()
    {
        var (report, _) = Run(t => t < TimeSpan.FromSeconds(2) ? Of() : Of(Held(2, Respawned)), new KillRequest());

        var fate = Assert.Single(report.Ports);
        Assert.Equal(PortFateKind.TakenAgain, fate.Kind);
        Assert.Equal(50, fate.Restarter!.Pid);
        Assert.False(report.Succeeded);
        Assert.Equal("port 8080: taken again by pid 130, restarted by pid 50 (bash): stop pid 50 first, or it starts it again",
            KillReportWording.Fate(fate, new KillRequest()));
    }

    [Fact]
    public void A_port_that_stays_free_under_a_live_parent_is_watched_for_the_whole_timeout()
    {
        var (report, took) = Run(_ => Of(), new KillRequest(Timeout: TimeSpan.FromSeconds(3)));

        Assert.True(report.Succeeded);
        Assert.True(took >= TimeSpan.FromSeconds(3), $"freed after {took}");
    }

    [Fact]
    public void Sigkill_is_named_only_when_it_reached_a_live_process()
    {
        // it dies of SIGTERM at once: --kill-after never fires, and the report says SIGTERM
        var (report, _) = Run(_ => Of(), new KillRequest(KillAfter: TimeSpan.FromSeconds(1), Timeout: TimeSpan.FromSeconds(2)));

        var outcome = Assert.Single(report.Targets);
        Assert.False(outcome.SigkillSent);
        Assert.Equal("pid 100 (server) exited after SIGTERM", KillReportWording.Outcome(outcome, new KillRequest(KillAfter: TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void A_reload_is_delivered_and_its_port_not_watched()
    {
        var handle = Substitute.For<IProcessHandle>();
        handle.HasExited.Returns(false);
        var time = new FakeTimeProvider();
        var target = new KillTarget(Server, handle)
        {
            Signal = Signals.SIGHUP, Facts = new TargetFacts(null, new TuiPorts.Core.ProcFs.SignalMasks(1, 0, 0), null, null),
        };
        var source = Substitute.For<ISnapshotSource>();

        var report = new KillRun(source, _ => null, time, time.Advance).Execute([target], [PortTarget.Of([Held(1, Server)], [target])], new KillRequest());

        handle.Received(1).Send(Signals.SIGHUP);
        source.DidNotReceive().Take();
        Assert.True(report.Succeeded);
        Assert.Equal("sent SIGHUP to pid 100 (server): it has a handler (a reload); it keeps running", KillReportWording.Outcome(report.Targets[0], new KillRequest()));
    }
}
