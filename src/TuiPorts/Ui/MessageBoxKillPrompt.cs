using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiPorts.Core.Killing;

namespace TuiPorts.Ui;

/// <summary>
/// The kill dialogs as Terminal.Gui message boxes. The LAST button is the one Enter presses, so it is always the safe
/// one (cancel); Esc also cancels. Button hot keys: y = this process, a = all holders, n = cancel.
/// </summary>
public sealed class MessageBoxKillPrompt(IApplication app) : IKillPrompt
{
    private static readonly (string Button, KillRequest Request)[] SignalChoices =
    [
        ("_TERM", new KillRequest(Signals.SIGTERM)),
        ("TERM+_KILL", new KillRequest(Signals.SIGTERM, Escalate: true)),
        ("KI_LL", new KillRequest(Signals.SIGKILL)),
        ("_INT", new KillRequest(Signals.SIGINT)),
        ("_HUP", new KillRequest(Signals.SIGHUP)),
        ("_QUIT", new KillRequest(Signals.SIGQUIT)),
    ];

    public KillChoice Confirm(KillPlan plan, KillRequest request)
    {
        string body = KillDialogText.Body(plan, request, (app.Driver?.Cols ?? 80) - 6);
        string title = KillDialogText.Title(plan, request);
        if (plan.IsShared)
        {
            return MessageBox.Query(app, title, body, false, "_yes: this process", "_all holders", "_no") switch
            {
                0 => KillChoice.ThisProcess,
                1 => KillChoice.AllHolders,
                _ => KillChoice.Cancel,
            };
        }

        return MessageBox.Query(app, title, body, false, "_yes", "_no") == 0 ? KillChoice.ThisProcess : KillChoice.Cancel;
    }

    public KillRequest? ChooseSignal(KillRequest current)
    {
        string[] buttons = [.. SignalChoices.Select(c => c.Button), "_cancel"];
        int? choice = MessageBox.Query(app, "Signal (F9)", $"Which signal should K send? (now: {current.Describe()})", false, buttons);
        return choice is int index && index < SignalChoices.Length ? SignalChoices[index].Request : null;
    }

    public void Explain(string title, string message) =>
        MessageBox.Query(app, title, message, true, "_ok");
}
