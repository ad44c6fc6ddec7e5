using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using System.Reactive.Concurrency;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Ui;

public sealed class KillControllerTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();
    private readonly ProcSnapshotSource _source;
    private readonly HeadlessUi _ui;
    private readonly ISignalSender _sender = Substitute.For<ISignalSender>();
    private readonly IKillPrompt _prompt = Substitute.For<IKillPrompt>();
    private readonly IProcessHandle _handle100 = Substitute.For<IProcessHandle>();
    private readonly KillController _controller;
    private int _refreshes;

    public KillControllerTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500), Row(1, "0100007F:0050", "00000000:0000", "0A", 501)]);
        _proc.AddProcess(100, "api", "./api", startTicks: 1000).AddSocketFd(100, 3, 500);
        _proc.AddProcess(200, "web", "./web", startTicks: 2000).AddSocketFd(200, 3, 501);
        _proc.AddProcess(201, "web", "./web", startTicks: 2001).AddSocketFd(201, 3, 501);
        _source = new ProcSnapshotSource(_proc.ProcRoot);
        _ui = new HeadlessUi(TestContexts.For(_proc.ProcRoot));
        _ui.Show(_source.Take());
        _handle100.Pid.Returns(100);
        _handle100.Send(Arg.Any<int>()).Returns(SignalError.None);
        _handle100.HasExited.Returns(true);
        _sender.Open(100, 1000, out _).Returns(_handle100);
        _controller = Controller(readOnly: false);
    }

    private KillController Controller(bool readOnly) => new(
        _ui.Window, _prompt, new KillPlanner(_sender, Policies.WithParent(1, 1), _proc.ProcRoot), NewRun,
        ImmediateScheduler.Instance, action => action(), () => _refreshes++, readOnly ? KillRefusal.ReadOnly : KillRefusal.None);

    /// <summary>The port is watched on virtual time: each poll advances the fake clock instead of sleeping.</summary>
    private KillRun NewRun()
    {
        var time = new FakeTimeProvider();
        return new KillRun(_source, _ => null, time, time.Advance);
    }

    private string Notice => _ui.Window.Screen.Notice ?? string.Empty;

    public void Dispose()
    {
        _ui.Dispose();
        _proc.Dispose();
    }

    [Fact]
    public void The_pinned_target_is_killed_even_if_the_table_refreshes_behind_the_dialog()
    {
        _ui.Type("9000");
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Any<KillRequest>()).Returns(_ =>
        {
            // while the dialog is open the socket list changes: new rows above, selection elsewhere
            _proc.WriteTable("tcp", [Row(0, "0100007F:0016", "00000000:0000", "0A", 499), Row(1, "0100007F:0050", "00000000:0000", "0A", 501)]);
            _ui.Show(_source.Take());
            return KillChoice.ThisProcess;
        });

        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);

        _handle100.Received(1).Send(Signals.SIGTERM);
        _sender.DidNotReceive().Open(200, Arg.Any<ulong>(), out Arg.Any<SignalError>());
        Assert.Contains("pid 100 (api) exited after SIGTERM", Notice, StringComparison.Ordinal);
        Assert.Equal(1, _refreshes);
        _handle100.Received(1).Dispose();
    }

    [Fact]
    public void Cancel_sends_nothing_and_says_so()
    {
        _ui.Type("9000");
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Any<KillRequest>()).Returns(KillChoice.Cancel);

        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);

        _handle100.DidNotReceiveWithAnyArgs().Send(default);
        Assert.Contains("kill cancelled: nothing sent", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_mode_explains_instead_of_asking()
    {
        _controller.Dispose(); // only the read-only controller listens: the result cannot depend on event order
        var prompt = Substitute.For<IKillPrompt>();
        var window = _ui.Window;
        using var readOnly = new KillController(window, prompt, new KillPlanner(_sender, Policies.WithParent(1, 1), _proc.ProcRoot),
            NewRun, ImmediateScheduler.Instance, a => a(), () => { }, KillRefusal.ReadOnly);
        var row = window.State.Rows.First(r => r.Socket.LocalPort == 9000);

        window.State.Select(window.State.Rows.ToList().IndexOf(row));
        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);

        prompt.DidNotReceiveWithAnyArgs().Confirm(default!, default!);
        _prompt.DidNotReceiveWithAnyArgs().Confirm(default!, default!);
        _sender.DidNotReceiveWithAnyArgs().Open(default, default, out _);
        Assert.Contains("killing is disabled (--read-only)", _ui.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_socket_offers_all_holders_and_signals_each_pinned_one()
    {
        var h200 = Substitute.For<IProcessHandle>();
        var h201 = Substitute.For<IProcessHandle>();
        foreach (var (h, pid, start) in new[] { (h200, 200, 2000UL), (h201, 201, 2001UL) })
        {
            h.Pid.Returns(pid);
            h.Send(Arg.Any<int>()).Returns(SignalError.None);
            h.HasExited.Returns(true);
            _sender.Open(pid, start, out _).Returns(h);
        }

        KillPlan? asked = null;
        _prompt.Confirm(Arg.Do<KillPlan>(p => asked = p), Arg.Any<KillRequest>()).Returns(KillChoice.AllHolders);
        _ui.Type("80");
        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);

        Assert.True(asked!.IsShared);
        h200.Received(1).Send(Signals.SIGTERM);
        h201.Received(1).Send(Signals.SIGTERM);
        Assert.Contains("pid 200 (web) exited after SIGTERM; pid 201 (web) exited after SIGTERM", Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void S_chooses_the_signal_and_it_is_remembered()
    {
        _prompt.ChooseSignal(Arg.Any<KillRequest>()).Returns(new KillRequest(Signals.SIGKILL));
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Any<KillRequest>()).Returns(KillChoice.ThisProcess);
        _ui.Type("9000");

        _ui.Press(Terminal.Gui.Input.Key.S.WithShift);

        _handle100.Received(1).Send(Signals.SIGKILL);
        Assert.Equal(Signals.SIGKILL, _controller.Request.Signal);
    }

    [Fact]
    public void The_dialog_text_names_the_signal_the_process_and_the_socket()
    {
        _sender.Open(200, 2000, out _).Returns(Substitute.For<IProcessHandle>());
        _sender.Open(201, 2001, out _).Returns(Substitute.For<IProcessHandle>());
        var socket = _ui.Window.State.Snapshot.Sockets.Single(s => s.LocalPort == 80);
        using var plan = new KillPlanner(_sender, Policies.WithParent(1, 1), _proc.ProcRoot).ForSocket(socket, _ui.Window.State.Snapshot, new KillRequest());

        string text = KillDialogText.Body(plan, new KillRequest());

        Assert.Equal("Send SIGTERM to pid 200 (web)?", KillDialogText.Title(plan, new KillRequest()));
        Assert.Contains("command  ./web", text, StringComparison.Ordinal);
        Assert.Contains("socket   127.0.0.1:80 LISTEN (listener)", text, StringComparison.Ordinal);
        Assert.Contains("1 unrelated process also holds this socket; the port stays open unless all of them exit", text, StringComparison.Ordinal);
        Assert.Contains("user     root (0)", text, StringComparison.Ordinal);
        Assert.Contains("started  ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_that_outlived_sigterm_is_offered_sigkill_next_time_but_a_signal_chosen_with_S_wins()
    {
        _handle100.HasExited.Returns(false); // ignores SIGTERM
        var asked = new List<int>();
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Do<KillRequest>(r => asked.Add(r.Signal))).Returns(KillChoice.ThisProcess);
        _ui.Type("9000");

        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);
        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);
        _prompt.ChooseSignal(Arg.Any<KillRequest>()).Returns(new KillRequest(Signals.SIGTERM));
        _ui.Press(Terminal.Gui.Input.Key.S.WithShift);

        Assert.Equal([Signals.SIGTERM, Signals.SIGKILL, Signals.SIGTERM], asked);
        Assert.Contains("K again offers SIGKILL", Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_signal_that_leaves_the_process_running_earns_no_sigkill_offer()
    {
        _handle100.HasExited.Returns(false);
        var asked = new List<int>();
        _prompt.ChooseSignal(Arg.Any<KillRequest>()).Returns(new KillRequest(Signals.SIGHUP));
        _prompt.Confirm(Arg.Any<KillPlan>(), Arg.Do<KillRequest>(r => asked.Add(r.Signal))).Returns(KillChoice.ThisProcess);
        _ui.Type("9000");

        _ui.Press(Terminal.Gui.Input.Key.S.WithShift);
        _ui.Press(Terminal.Gui.Input.Key.K.WithShift);

        Assert.Equal([Signals.SIGHUP, Signals.SIGHUP], asked);
        Assert.Contains("sent SIGHUP to pid 100 (api)", Notice, StringComparison.Ordinal);
    }
}
