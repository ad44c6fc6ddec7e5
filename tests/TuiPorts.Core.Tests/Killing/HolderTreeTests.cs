using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Killing;

public sealed class HolderTreeTests
{
    private static ProcessInfo Process(int pid, int ppid, string name = "nginx", string cmd = "") =>
        new(pid, name, cmd.Length > 0 ? cmd : name, 0, "root", (ulong)pid, null, ppid, false);

    private static SocketEntry Held(int port, ulong inode, SocketRole role, params ProcessInfo[] holders) =>
        Listener(port, inode) with
        {
            Role = role,
            Holders = new EquatableArray<SocketHolder>(holders.Select(p => new SocketHolder(p, new EquatableArray<int>([3])))),
        };

    private readonly ProcessInfo _master = Process(100, 1, cmd: "nginx: master process /usr/sbin/nginx");
    private readonly ProcessInfo _worker1 = Process(101, 100, cmd: "nginx: worker process");
    private readonly ProcessInfo _worker2 = Process(102, 100, cmd: "nginx: worker process");

    [Fact]
    public void The_master_is_the_top_holder_and_the_workers_its_children()
    {
        var listener = Held(8080, 1, SocketRole.Listener, _worker1, _master, _worker2);

        Assert.Equal([100], HolderTree.Tops(listener).Select(p => p.Pid));
        Assert.Equal(100, HolderTree.TopOf(listener, _worker2).Pid);
        Assert.Equal([101, 102], HolderTree.DescendantsOf(listener, _master).Select(p => p.Pid));
        Assert.Equal("nginx: master", _master.Title);
    }

    [Fact]
    public void A_workers_accepted_connection_points_at_the_master_holding_the_listener()
    {
        var listener = Held(8080, 1, SocketRole.Listener, _master, _worker1);
        var accepted = Held(8080, 2, SocketRole.Accepted, _worker1);
        var snapshot = Of(listener, accepted);

        Assert.Equal(100, HolderTree.RespawningParent(snapshot, accepted, _worker1)?.Pid);
        Assert.Null(HolderTree.RespawningParent(snapshot, listener, _master));
    }

    [Fact]
    public void Unrelated_holders_are_separate_tops()
    {
        var shared = Held(9000, 1, SocketRole.Listener, Process(200, 1, "a"), Process(300, 1, "b"));

        Assert.Equal([200, 300], HolderTree.Tops(shared).Select(p => p.Pid));
    }

    [Fact]
    public void A_deep_chain_resolves_every_link_to_its_one_top()
    {
        // 1000 holders, each the parent of the next (a fork chain): every one's top is the first
        var chain = Enumerable.Range(0, 1000).Select(i => Process(1000 + i, i == 0 ? 1 : 999 + i)).ToArray();
        var socket = Held(8080, 1, SocketRole.Listener, chain);

        Assert.Equal([1000], HolderTree.Tops(socket).Select(p => p.Pid));
        Assert.All(chain, p => Assert.Equal(1000, HolderTree.TopOf(socket, p).Pid));
        Assert.Equal(chain.Skip(1).Select(p => p.Pid), HolderTree.DescendantsOf(socket, chain[0]).Select(p => p.Pid));
        Assert.Empty(HolderTree.DescendantsOf(socket, chain[500]));
    }

    [Fact]
    public void A_thousand_siblings_are_a_thousand_tops_without_descendants()
    {
        // children of a parent that does not hold the socket (a supervisor's workers sharing one inherited socket)
        var siblings = Enumerable.Range(0, 1000).Select(i => Process(2000 + i, 7)).ToArray();
        var socket = Held(8080, 1, SocketRole.Listener, siblings);

        Assert.Equal(siblings.Select(p => p.Pid), HolderTree.Tops(socket).Select(p => p.Pid));
        Assert.All(siblings, p => Assert.Empty(HolderTree.DescendantsOf(socket, p)));
        Assert.Equal(2000, HolderTree.Lead(socket).Pid);
    }

    [Fact]
    public void A_process_that_holds_nothing_is_its_own_top_or_below_its_holding_parent()
    {
        var socket = Held(8080, 1, SocketRole.Listener, _master, _worker1);

        Assert.Equal(100, HolderTree.TopOf(socket, Process(105, 100)).Pid);
        Assert.Equal(300, HolderTree.TopOf(socket, Process(300, 1)).Pid);
    }

    [Fact]
    public void Parent_links_in_a_cycle_end_at_its_lowest_pid_and_terminate()
    {
        // a pid reused between two reads can make two processes each other's parent
        var a = Process(500, 600);
        var b = Process(600, 500);
        var below = Process(700, 600);
        var socket = Held(8080, 1, SocketRole.Listener, b, below, a);

        Assert.Empty(HolderTree.Tops(socket));
        Assert.Equal(500, HolderTree.TopOf(socket, b).Pid);
        Assert.Equal(500, HolderTree.TopOf(socket, below).Pid);
        Assert.Equal([600, 700], HolderTree.DescendantsOf(socket, a).Select(p => p.Pid));
        Assert.Equal(600, HolderTree.Lead(socket).Pid);
    }

    [Fact]
    public void A_port_whose_listener_is_gone_is_freed_and_a_new_listener_is_taken_again_by_the_supervisors_child()
    {
        var before = Held(8080, 1, SocketRole.Listener, _master, _worker1);
        var port = PortTarget.Of([before], [new KillTarget(_master, null)]);
        var supervisor = Process(50, 1, "systemd");
        var respawned = Process(400, 50);

        var freed = PortFate.Judge(port, Of(), _ => false, _ => null);
        var taken = PortFate.Judge(port, Of(Held(8080, 9, SocketRole.Listener, respawned)), _ => false, pid => pid == 50 ? supervisor : null);
        var inherited = PortFate.Judge(port, Of(Held(8080, 1, SocketRole.Listener, _worker1 with { ParentPid = 1 })), _ => false, _ => null);

        Assert.Equal(PortFateKind.Freed, freed.Kind);
        Assert.Equal((PortFateKind.TakenAgain, 400, 50), (taken.Kind, taken.Holder!.Pid, taken.Parent!.Pid));
        Assert.Equal((PortFateKind.StillHeld, 101, 100), (inherited.Kind, inherited.Holder!.Pid, inherited.Parent!.Pid));
    }

    [Fact]
    public void The_kill_run_waits_on_virtual_time_and_never_sends_sigkill_unasked()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var handle = Substitute.For<IProcessHandle>();
        handle.Send(Arg.Any<int>()).Returns(SignalError.None);
        handle.HasExited.Returns(false);
        using var target = new KillTarget(_master, handle);
        var source = Substitute.For<ISnapshotSource>();
        source.Take().Returns(Of(Held(8080, 1, SocketRole.Listener, _master)));
        var run = new KillRun(source, _ => null, time, time.Advance);

        var report = run.Execute([target], [PortTarget.Of([Held(8080, 1, SocketRole.Listener, _master)], [target])], new KillRequest());

        handle.Received(1).Send(Signals.SIGTERM);
        handle.DidNotReceive().Send(Signals.SIGKILL);
        Assert.Equal(KillStatus.Running, Assert.Single(report.Targets).Status);
        Assert.Equal(PortFateKind.TargetRunning, Assert.Single(report.Ports).Kind);
        Assert.False(report.AllPortsFree);
        Assert.Equal(KillRequest.DefaultTimeout, time.GetUtcNow() - start); // watched for exactly --timeout (5 s) of virtual time
    }

    [Fact]
    public void Kill_after_escalates_once_at_its_time()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var handle = Substitute.For<IProcessHandle>();
        bool killed = false;
        handle.Send(Signals.SIGKILL).Returns(_ =>
        {
            killed = true;
            Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(2));
            return SignalError.None;
        });
        handle.HasExited.Returns(_ => killed);
        using var target = new KillTarget(_master, handle);
        var source = Substitute.For<ISnapshotSource>();
        source.Take().Returns(_ => killed ? Of() : Of(Held(8080, 1, SocketRole.Listener, _master)));

        var report = new KillRun(source, _ => null, time, time.Advance)
            .Execute([target], [PortTarget.Of([Held(8080, 1, SocketRole.Listener, _master)], [target])], new KillRequest(KillAfter: TimeSpan.FromSeconds(2)));

        handle.Received(1).Send(Signals.SIGKILL);
        Assert.True(report.AllPortsFree);
        Assert.Equal("pid 100 (nginx: master) exited after SIGKILL (SIGTERM was not enough in 2 s)", KillReportWording.Outcome(Assert.Single(report.Targets), new KillRequest(KillAfter: TimeSpan.FromSeconds(2))));
    }
}
