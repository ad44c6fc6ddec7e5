using NSubstitute;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>
/// <c>kill PORTS</c> planned on a fixture /proc: a PostgreSQL with a backend and a psql client in this namespace, and a
/// container's listener on the same port in another namespace.
/// </summary>
public sealed class PortPlanTests : IDisposable
{
    private const ulong ContainerNetns = 4026532999;
    private const string Postgres = "/usr/lib/postgresql/15/bin/postgres";
    private readonly FixtureProcTree _proc = new();
    private readonly ISignalSender _sender = Substitute.For<ISignalSender>();

    public PortPlanTests()
    {
        // 5432 (0x1538): listener 600, the backend's accepted socket 601, psql's end 602 (port 40000 = 0x9C40)
        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:1538", "00000000:0000", "0A", 600),
            Row(1, "0100007F:1538", "0100007F:9C40", "01", 601),
            Row(2, "0100007F:9C40", "0100007F:1538", "01", 602),
        ]);
        _proc.AddProcess(700, "postgres", "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql", startTicks: 70).AddSocketFd(700, 5, 600);
        _proc.AddProcess(701, "postgres", "postgres: app app 127.0.0.1(40000) idle", ppid: 700, startTicks: 71).AddSocketFd(701, 9, 601);
        _proc.AddProcess(800, "psql", "psql -h 127.0.0.1 app", startTicks: 80).AddSocketFd(800, 3, 602);
        Exe(700, Postgres);
        Exe(701, Postgres);
        Exe(800, "/usr/bin/psql");
        _proc.AddProcess(900, "postgres", "postgres", netns: ContainerNetns, startTicks: 90).AddSocketFd(900, 5, 650);
        File.WriteAllText(Path.Combine(_proc.Root, "900", "cgroup"), "0::/system.slice/docker-3f2a9c0d1e2b4a5b6c7d8e9f00112233445566778899aabbccddeeff00112233.scope\n");
        _proc.WriteTable("tcp", [Row(0, "00000000:1538", "00000000:0000", "0A", 650)], pid: 900);
        _sender.Open(Arg.Any<int>(), Arg.Any<ulong>(), out _).Returns(_ => Substitute.For<IProcessHandle>());
    }

    public void Dispose() => _proc.Dispose();

    private void Exe(int pid, string target) => File.CreateSymbolicLink(Path.Combine(_proc.Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "exe"), target);

    private KillPlan Plan(KillRequest request, NetnsScope scope, bool allHolders = false)
    {
        var snapshot = new ProcSnapshotSource(_proc.ProcRoot).Take();
        var filter = PortFilterParser.Parse("5432", TuiPorts.Core.ProcFs.ServicesFile.Load(_proc.ProcRoot)).Filter!;
        return new KillPlanner(_sender, Policies.WithParent(SelfPid, 8), _proc.ProcRoot).ForPorts(snapshot, filter, request, scope, allHolders, force: false);
    }

    [Fact]
    public void The_postmaster_gets_a_fast_shutdown_and_the_plan_names_the_connected_client()
    {
        using var plan = Plan(new KillRequest(), NetnsScope.Own);

        var target = Assert.Single(plan.Targets);
        Assert.Equal((700, Signals.SIGINT), (target.Pid, target.Signal));
        var lines = KillPlanLines.Lines(plan, null).ToList();
        Assert.Contains(lines, l => l.Contains("SIGINT for postgres: fast shutdown, as `pg_ctl stop` does", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1 client connected, disconnected by the stop: pid 800 (psql) from 127.0.0.1:40000", StringComparison.Ordinal));
        Assert.Equal("send SIGINT to 1 process (700)", KillWording.Sending(plan.Targets, plan.Request));
    }

    [Fact]
    public void A_signal_the_operator_names_wins_over_the_daemon_table()
    {
        using var plan = Plan(new KillRequest(Signals.SIGTERM) { Explicit = true }, NetnsScope.Own);

        Assert.Equal(Signals.SIGTERM, Assert.Single(plan.Targets).Signal);
        Assert.Null(plan.Targets[0].Daemon);
    }

    [Fact]
    public void A_container_on_the_same_port_is_listed_and_left_alone()
    {
        using var plan = Plan(new KillRequest(), NetnsScope.Own);

        Assert.DoesNotContain(plan.Targets, t => t.Pid == 900);
        var foreign = Assert.Single(plan.LeftAlone);
        Assert.Equal((5432, ContainerNetns, "3f2a9c0d1e2b"), (foreign.Port, foreign.Netns, foreign.Container));
        Assert.Contains(
            "also on port 5432 in container 3f2a9c0d1e2b (netns 4026532999): not touched (--netns 4026532999 or --netns all to include it)",
            KillPlanLines.Lines(plan, null));
    }

    [Fact]
    public void Listeners_of_one_port_in_two_namespaces_are_unrelated_holders()
    {
        using var all = Plan(new KillRequest(), new NetnsScope(null, true));
        using var both = Plan(new KillRequest(), new NetnsScope(null, true), allHolders: true);
        using var container = Plan(new KillRequest(), new NetnsScope(ContainerNetns, false));

        Assert.True(Assert.Single(all.Ports).RefusedAsShared);
        Assert.Empty(all.Targets);
        Assert.Equal([700, 900], both.Targets.Select(t => t.Pid).Order());
        Assert.Equal(900, Assert.Single(container.Targets).Pid);
        Assert.Single(container.LeftAlone); // this host's postgres, from the container's point of view
    }

    [Fact]
    public void A_process_listening_on_two_matching_ports_is_pinned_once()
    {
        _proc.WriteTable("tcp6", [Row(0, "00000000000000000000000001000000:1539", "00000000000000000000000000000000:0000", "0A", 660)]);
        _proc.AddSocketFd(700, 6, 660);
        var snapshot = new ProcSnapshotSource(_proc.ProcRoot).Take();
        var filter = PortFilterParser.Parse("5432-5433", TuiPorts.Core.ProcFs.ServicesFile.Load(_proc.ProcRoot)).Filter!;

        using var plan = new KillPlanner(_sender, Policies.WithParent(SelfPid, 8), _proc.ProcRoot)
            .ForPorts(snapshot, filter, new KillRequest(), NetnsScope.Own, allHolders: false, force: false);

        Assert.Equal(2, plan.Ports.Count);
        Assert.Same(plan.Ports[0].Targets[0], plan.Ports[1].Targets[0]);
        Assert.Equal(700, Assert.Single(plan.Targets).Pid);
        _sender.Received(1).Open(700, Arg.Any<ulong>(), out Arg.Any<SignalError>());
    }

    [Fact]
    public void A_backend_is_no_postmaster_its_parent_runs_the_same_program()
    {
        var snapshot = new ProcSnapshotSource(_proc.ProcRoot).Take();
        var accepted = snapshot.Sockets.Single(s => s.Inode == 601);
        using var plan = new KillPlanner(_sender, Policies.WithParent(SelfPid, 8), _proc.ProcRoot).ForSocket(accepted, snapshot, new KillRequest());

        Assert.Equal(701, plan.Primary!.Pid);
        Assert.Null(plan.Primary.Daemon);
        Assert.Equal(Signals.SIGTERM, plan.Primary.Signal);
        Assert.Equal(700, plan.Parent!.Pid);
        Assert.Equal(WorkerKind.PerConnection, plan.Worker); // it does not hold the listener: one connection's child
    }
}
