using NSubstitute;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Ui;

/// <summary>The real message box: the safe choice is what Enter and Esc give; y and a are the kill keys.</summary>
public sealed class KillDialogTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();
    private readonly HeadlessUi _ui;
    private readonly KillPlan _plan;

    public KillDialogTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(100, "api", "./api").AddSocketFd(100, 3, 500);
        _proc.AddProcess(101, "api", "./api").AddSocketFd(101, 3, 500);
        _ui = new HeadlessUi(TestContexts.For(_proc.ProcRoot));
        var sender = Substitute.For<ISignalSender>();
        sender.Open(Arg.Any<int>(), Arg.Any<ulong>(), out _).Returns(_ => Substitute.For<IProcessHandle>());
        var snapshot = new ProcSnapshotSource(_proc.ProcRoot).Take();
        _plan = new KillPlanner(sender, Policies.WithParent(1, 1), _proc.ProcRoot).ForSocket(Assert.Single(snapshot.Sockets), snapshot, new KillRequest());
    }

    public void Dispose()
    {
        _plan.Dispose();
        _ui.Dispose();
        _proc.Dispose();
    }

    private KillChoice Answer(Key key)
    {
        _ui.WhenDialogOpens(() =>
        {
            _ui.App.InjectKey(key);
        });
        return new MessageBoxKillPrompt(_ui.App).Confirm(_plan, new KillRequest());
    }

    /// <summary>The dialog's buttons as shown, with which has focus: read before the key is pressed.</summary>
    private (KillChoice Choice, List<(string Text, Key HotKey, bool Default)> Buttons) AnswerSeeing(Key key)
    {
        var buttons = new List<(string, Key, bool)>();
        _ui.WhenDialogOpens(() =>
        {
            var dialog = Assert.IsType<Terminal.Gui.Views.Dialog>(_ui.App.TopRunnableView);
            buttons.AddRange(dialog.Buttons.Select(b => (b.Text, b.HotKey, b.IsDefault || b.HasFocus)));
            _ui.App.InjectKey(key);
        });
        return (new MessageBoxKillPrompt(_ui.App).Confirm(_plan, new KillRequest()), buttons);
    }

    [Fact]
    public void Enter_presses_the_default_button_and_that_is_no()
    {
        var (choice, buttons) = AnswerSeeing(Key.Enter);

        Assert.Equal(3, buttons.Count); // yes: this process, all holders, no
        Assert.Equal("_no", Assert.Single(buttons, b => b.Default).Text);
        Assert.Equal(KillChoice.Cancel, choice);
    }

    [Fact]
    public void N_is_the_no_buttons_own_hot_key_and_y_and_a_are_the_kill_buttons()
    {
        var (choice, buttons) = AnswerSeeing(Key.N);

        Assert.Equal("_no", Assert.Single(buttons, b => b.HotKey == Key.N).Text);
        Assert.StartsWith("_yes", Assert.Single(buttons, b => b.HotKey == Key.Y).Text, StringComparison.Ordinal);
        Assert.Equal("_all holders", Assert.Single(buttons, b => b.HotKey == Key.A).Text);
        Assert.Equal(KillChoice.Cancel, choice);
    }

    [Fact]
    public void Enter_cancels() => Assert.Equal(KillChoice.Cancel, Answer(Key.Enter));

    [Fact]
    public void Esc_cancels() => Assert.Equal(KillChoice.Cancel, Answer(Key.Esc));

    [Fact]
    public void N_cancels() => Assert.Equal(KillChoice.Cancel, Answer(Key.N));

    [Fact]
    public void Y_kills_this_process() => Assert.Equal(KillChoice.ThisProcess, Answer(Key.Y));

    [Fact]
    public void A_kills_all_holders() => Assert.Equal(KillChoice.AllHolders, Answer(Key.A));
}
