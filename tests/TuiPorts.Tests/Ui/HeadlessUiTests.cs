using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Ui;

/// <summary>The headless UI's own guard: a dialog test whose closing key does nothing fails instead of hanging the run.</summary>
public sealed class HeadlessUiTests
{
    [Fact]
    public void A_dialog_that_nothing_closes_is_closed_after_the_limit_and_fails_the_test()
    {
        using var proc = new FixtureProcTree();
        var ui = new HeadlessUi(TestContexts.For(proc.ProcRoot), modalLimit: TimeSpan.FromSeconds(1));

        ui.Press(Terminal.Gui.Input.Key.F1); // the help opens, and no key is ever sent to close it

        Assert.Equal(ui.Window, ui.App.TopRunnableView); // the guard closed it: the test goes on
        var failure = Assert.Throws<InvalidOperationException>(ui.Dispose);
        Assert.Contains("TextDialog was still open 1 s after it opened", failure.Message, StringComparison.Ordinal);
    }
}
