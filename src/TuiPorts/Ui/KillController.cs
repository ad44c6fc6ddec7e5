using System.Reactive.Linq;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// K and F9 in the window: pin the highlighted socket's holders (pidfds, re-verified), ask, then signal only the
/// pinned processes and report each outcome in the status line. A refresh behind the dialog changes nothing: the
/// plan was fixed when the key was pressed.
/// </summary>
public sealed class KillController : IDisposable
{
    private readonly IKillView _window;
    private readonly IKillPrompt _prompt;
    private readonly KillPlanner _planner;
    private readonly KillExecutor _executor;
    private readonly Action<Action> _onUiThread;
    private readonly Action _refreshNow;
    private readonly bool _readOnly;

    public KillController(
        IKillView window, IKillPrompt prompt, KillPlanner planner, KillExecutor executor,
        Action<Action> onUiThread, Action refreshNow, bool readOnly)
    {
        _window = window;
        _prompt = prompt;
        _planner = planner;
        _executor = executor;
        _onUiThread = onUiThread;
        _refreshNow = refreshNow;
        _readOnly = readOnly;
        window.KillRequested += Kill;
        window.SignalMenuRequested += ChooseSignalAndKill;
    }

    public void Dispose()
    {
        _window.KillRequested -= Kill;
        _window.SignalMenuRequested -= ChooseSignalAndKill;
    }

    /// <summary>The signal K sends; F9 changes it and it is remembered, like htop.</summary>
    public KillRequest Request { get; private set; } = new();

    public void ChooseSignalAndKill(SocketRow row)
    {
        if (RefuseEarly(row))
        {
            return;
        }

        if (_prompt.ChooseSignal(Request) is { } chosen)
        {
            Request = chosen;
            Kill(row);
        }
    }

    public void Kill(SocketRow row)
    {
        if (RefuseEarly(row))
        {
            return;
        }

        var plan = _planner.Pin(row.Socket); // pinned now: the dialog is about these exact processes
        var primary = plan.Primary!;
        if (!plan.IsShared && !primary.CanSignal)
        {
            _window.ShowNotice(primary.Problem!);
            _prompt.Explain("Cannot kill", primary.Problem!);
            plan.Dispose();
            return;
        }

        var choice = _prompt.Confirm(plan, Request);
        var targets = choice switch
        {
            KillChoice.ThisProcess => [primary],
            KillChoice.AllHolders => plan.Holders.ToList(),
            _ => new List<KillTarget>(),
        };
        if (targets.Count == 0)
        {
            _window.ShowNotice("kill cancelled: nothing sent");
            plan.Dispose();
            return;
        }

        _window.ShowNotice($"sending {Request.Describe()} to {string.Join(", ", targets.Select(t => t.Label))}...");
        _executor.ExecuteAll(targets, Request).ToList().Subscribe(
            outcomes => _onUiThread(() =>
            {
                plan.Dispose();
                _window.ShowNotice(string.Join("; ", outcomes.OrderBy(o => o.Pid).Select(o => o.Message)));
                _refreshNow();
            }),
            error => _onUiThread(() =>
            {
                plan.Dispose();
                _window.ShowNotice($"kill failed: {error.Message}");
            }));
    }

    private bool RefuseEarly(SocketRow row)
    {
        var refusal =
            _readOnly ? KillRefusal.ReadOnly
            : row.Mark == RowMark.Gone ? KillRefusal.SocketGone
            : KillPolicy.Check(row.Socket);
        if (refusal != KillRefusal.None)
        {
            _window.ShowNotice(Wording.Refusal(refusal));
        }

        return refusal != KillRefusal.None;
    }
}
