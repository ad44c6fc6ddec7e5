using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The kill dialogs as Terminal.Gui message boxes. The LAST button is the one Enter presses, so it is always the safe
/// one (cancel); Esc also cancels. Button hot keys: p = the parent, y = this process, s = the signal that will work
/// (when the target ignores or blocks the chosen one), a = all holders, n = cancel.
/// </summary>
public sealed class MessageBoxKillPrompt(IApplication app) : IKillPrompt
{
    private static readonly (string Button, KillRequest Request)[] SignalChoices =
    [
        ("_TERM", new KillRequest(Signals.SIGTERM)),
        ("TERM+_KILL", new KillRequest(Signals.SIGTERM, KillAfter: KillRequest.DefaultTimeout)),
        ("KI_LL", new KillRequest(Signals.SIGKILL)),
        ("_INT", new KillRequest(Signals.SIGINT)),
        ("_HUP", new KillRequest(Signals.SIGHUP)),
        ("_QUIT", new KillRequest(Signals.SIGQUIT)),
    ];

    public KillChoice Confirm(KillPlan plan, KillRequest request)
    {
        string body = KillDialogText.Body(plan, request, (app.Driver?.Cols ?? 80) - 6);
        string title = KillDialogText.Title(plan, request);
        var choices = new List<(string Button, KillChoice Choice)>();
        bool perConnection = plan.Worker == WorkerKind.PerConnection;
        if (plan.Parent is not null && !perConnection)
        {
            choices.Add(("_parent", KillChoice.Parent));
        }

        choices.Add((perConnection ? "_yes: this session" : plan.Parent is not null ? "_yes: this one" : plan.IsShared ? "_yes: this process" : "_yes", KillChoice.ThisProcess));
        if (plan.Parent is not null && perConnection)
        {
            choices.Add(("_parent: whole server", KillChoice.Parent));
        }

        if (plan.Primary!.WorkingInstead is { } instead)
        {
            choices.Add(($"_send {Signals.Name(instead)}", KillChoice.Instead));
        }

        if (plan.IsShared)
        {
            choices.Add(("_all holders", KillChoice.AllHolders));
        }

        choices.Add(("_no", KillChoice.Cancel)); // last = Enter's default: the safe one
        int? index = MessageBox.Query(app, TerminalText.Sanitize(title), TerminalText.SanitizeLines(body), false, [.. choices.Select(c => c.Button)]);
        return index is int i && i < choices.Count ? choices[i].Choice : KillChoice.Cancel;
    }

    public bool ConfirmAncestor(KillTarget target) =>
        MessageBox.Query(
            app,
            TerminalText.Sanitize($"pid {target.Pid} ({target.Process.Title}) is an ancestor of tuiports"),
            TerminalText.SanitizeLines($"{Wording.WhatRunsUnder(target.Process)}.\nKill it anyway?"),
            false,
            "_kill it anyway",
            "_no") == 0;

    public KillRequest? ChooseSignal(KillRequest current)
    {
        string[] buttons = [.. SignalChoices.Select(c => c.Button), "_cancel"];
        int? choice = MessageBox.Query(app, "Signal (S)", $"Which signal should K send? (now: {(current.Explicit ? KillWording.Signal(current.Signal, current) : "each daemon's own stop, else SIGTERM")})", false, buttons);
        return choice is int index && index < SignalChoices.Length ? SignalChoices[index].Request : null;
    }

    public void Explain(string title, string message) =>
        MessageBox.Query(app, TerminalText.Sanitize(title), TerminalText.SanitizeLines(message), true, "_ok");
}
