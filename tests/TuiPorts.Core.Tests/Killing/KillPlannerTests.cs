using NSubstitute;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Killing;

public sealed class KillPlannerTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();
    private readonly ISignalSender _sender = Substitute.For<ISignalSender>();
    private readonly KillPlanner _planner;

    public KillPlannerTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(100, "server", "./server", startTicks: 777).AddSocketFd(100, 3, 500);
        _proc.AddProcess(101, "worker", "./server --worker", startTicks: 778).AddSocketFd(101, 3, 500);
        _planner = new KillPlanner(_sender, Policies.WithParent(9, 8), _proc.ProcRoot);
    }

    public void Dispose() => _proc.Dispose();

    private SocketEntry Socket() => Assert.Single(new ProcSnapshotSource(_proc.ProcRoot).Take().Sockets);

    private KillPlan Plan(KillPlanner planner, SocketEntry socket) => planner.ForSocket(socket, new ProcSnapshotSource(_proc.ProcRoot).Take(), new KillRequest());

    private IProcessHandle HandleFor(int pid, ulong start)
    {
        var handle = Substitute.For<IProcessHandle>();
        handle.Pid.Returns(pid);
        _sender.Open(pid, start, out _).Returns(handle);
        return handle;
    }

    [Fact]
    public void Pins_every_holder_with_its_start_time()
    {
        var h100 = HandleFor(100, 777);
        var h101 = HandleFor(101, 778);

        using var plan = Plan(_planner, Socket());

        Assert.True(plan.IsShared);
        Assert.Equal([100, 101], plan.AllHolders.Select(h => h.Pid));
        Assert.Same(h100, plan.AllHolders[0].Handle);
        Assert.Same(h101, plan.AllHolders[1].Handle);
        Assert.All(plan.AllHolders, h => Assert.True(h.CanSignal));
        Assert.Equal("127.0.0.1:9000", plan.Socket!.LocalEndpoint);
    }

    [Fact]
    public void A_process_that_exited_or_was_replaced_is_not_pinned()
    {
        _sender.Open(100, 777, out Arg.Any<SignalError>()).Returns(x =>
        {
            x[2] = SignalError.NoSuchProcess;
            return null;
        });

        using var plan = Plan(_planner, Socket());

        Assert.False(plan.AllHolders[0].CanSignal);
        Assert.Contains("already exited", KillWording.Problem(plan.AllHolders[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_no_longer_holds_the_socket_is_released_and_not_pinned()
    {
        var socket = Socket();
        var handle = HandleFor(100, 777);
        HandleFor(101, 778);
        File.Delete(Path.Combine(_proc.Root, "100", "fd", "3")); // closed the socket since the snapshot

        using var plan = Plan(_planner, socket);

        Assert.Contains("no longer holds this socket", KillWording.Problem(plan.AllHolders[0]), StringComparison.Ordinal);
        handle.Received(1).Dispose();
        Assert.True(plan.AllHolders[1].CanSignal);
    }

    [Fact]
    public void Refused_processes_are_never_opened()
    {
        var planner = new KillPlanner(_sender, Policies.WithParent(100, 8), _proc.ProcRoot);

        using var plan = Plan(planner, Socket());

        Assert.Contains("tuiports itself", KillWording.Problem(plan.AllHolders[0]), StringComparison.Ordinal);
        _sender.DidNotReceive().Open(100, Arg.Any<ulong>(), out Arg.Any<SignalError>());
    }
}
