using System.Reactive.Concurrency;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>
/// K and F9 in the window: pin the highlighted socket's holders (pidfds, re-verified), ask, signal only the pinned
/// processes, then watch the port on the background scheduler and report its fate in the status line. A refresh
/// behind the dialog changes nothing: the plan was fixed when the key was pressed. A process that outlived SIGTERM is
/// offered SIGKILL on the next K - never sent one by surprise. A remote host's row goes through the same dialog and is
/// killed by that host's own tuiports (<see cref="KillOnHost"/>).
/// </summary>
public sealed partial class KillController : IDisposable
{
    private readonly IKillView _view;
    private readonly IKillPrompt _prompt;
    private readonly KillPlanner _planner;
    private readonly Func<KillRun> _newRun;
    private readonly IScheduler _background;
    private readonly Action<Action> _onUiThread;
    private readonly Action _refreshNow;
    private readonly bool _readOnly;
    private readonly HashSet<(int Pid, ulong Start)> _survivedTerm = [];

    public KillController(
        IKillView view, IKillPrompt prompt, KillPlanner planner, Func<KillRun> newRun, IScheduler background,
        Action<Action> onUiThread, Action refreshNow, bool readOnly)
    {
        _view = view;
        _prompt = prompt;
        _planner = planner;
        _newRun = newRun;
        _background = background;
        _onUiThread = onUiThread;
        _refreshNow = refreshNow;
        _readOnly = readOnly;
        view.KillRequested += Kill;
        view.SignalMenuRequested += ChooseSignalAndKill;
    }

    /// <summary>The signal K sends; F9 changes it and it is remembered, like htop.</summary>
    public KillRequest Request { get; private set; } = new();

    /// <summary>The snapshot the highlighted row came from (for the parent of a worker); set by the launcher.</summary>
    public Func<Snapshot>? CurrentSnapshot { get; init; }

    public void Dispose()
    {
        _view.KillRequested -= Kill;
        _view.SignalMenuRequested -= ChooseSignalAndKill;
    }

    public void ChooseSignalAndKill(SocketRow row)
    {
        if (!RefuseEarly(row) && _prompt.ChooseSignal(Request) is { } chosen)
        {
            Request = chosen;
            Kill(row, chosenNow: true);
        }
    }

    public void Kill(SocketRow row) => Kill(row, chosenNow: false);

    /// <param name="chosenNow">The signal was just picked in F9: it wins over the automatic SIGKILL offer.</param>
    private void Kill(SocketRow row, bool chosenNow)
    {
        if (RefuseEarly(row))
        {
            return;
        }

        if (Remote is { } remote && remote.Serves(row.Socket))
        {
            KillOnHost(row, remote);
            return;
        }

        var plan = _planner.Pin(row.Socket, CurrentSnapshot?.Invoke()); // pinned now: the dialog is about these exact processes
        var primary = plan.Primary!;
        if (!plan.IsShared && !primary.CanSignal && plan.Parent is null)
        {
            _view.ShowNotice(primary.Problem!);
            _prompt.Explain("Cannot kill", primary.Problem!);
            plan.Dispose();
            return;
        }

        bool survived = _survivedTerm.Contains((primary.Pid, primary.Process.StartTimeTicks));
        var request = survived && !chosenNow && Request.ExpectsExit ? Request with { Signal = Signals.SIGKILL, KillAfter = null } : Request;
        var targets = _prompt.Confirm(plan, request) switch
        {
            KillChoice.ThisProcess => [primary],
            KillChoice.AllHolders => plan.Holders.ToList(),
            KillChoice.Parent when plan.Parent is not null => [plan.Parent],
            _ => new List<KillTarget>(),
        };
        if (targets.Count == 0 || targets.Any(t => t.IsAncestor && !_prompt.ConfirmAncestor(t)))
        {
            _view.ShowNotice("kill cancelled: nothing sent");
            plan.Dispose();
            return;
        }

        _view.ShowNotice($"sending {request.Describe()} to {string.Join(", ", targets.Select(t => t.Label))}...");
        var ports = PortsToWatch(plan.Socket, targets, CurrentSnapshot?.Invoke());
        _background.Schedule(() => Run(plan, targets, ports, request));
    }

    private void Run(KillPlan plan, List<KillTarget> targets, IReadOnlyList<PortTarget> ports, KillRequest request)
    {
        try
        {
            var report = _newRun().Execute(targets, ports, request);
            _onUiThread(() =>
            {
                // only a stop that was ignored earns the SIGKILL offer; HUP or USR1 leave a process running by design
                var survivors = report.Targets.Where(o => o.Status == KillStatus.Running && request.ExpectsExit && request.Signal != Signals.SIGKILL).ToList();
                foreach (var outcome in survivors)
                {
                    var target = targets.First(t => t.Pid == outcome.Pid);
                    _survivedTerm.Add((target.Pid, target.Process.StartTimeTicks));
                }

                plan.Dispose();
                string hint = survivors.Count > 0 ? "; K again offers SIGKILL" : string.Empty;
                _view.ShowNotice(string.Join("; ", report.Lines(request)) + hint);
                _refreshNow();
            });
        }
        catch (Exception e)
        {
            _onUiThread(() =>
            {
                plan.Dispose();
                _view.ShowNotice($"kill failed: {e.Message}");
            });
        }
    }

    /// <summary>The listening sockets on the highlighted socket's port (same namespace): the port the operator wants freed.</summary>
    private static IReadOnlyList<PortTarget> PortsToWatch(SocketEntry socket, List<KillTarget> targets, Snapshot? snapshot)
    {
        var listeners = (snapshot is null ? [socket] : snapshot.Sockets.AsEnumerable())
            .Where(s => s.Host == socket.Host && s.Netns == socket.Netns && s.LocalPort == socket.LocalPort && s.Role == SocketRole.Listener)
            .ToList();
        if (socket.Role == SocketRole.Listener && !listeners.Any(s => s.Key == socket.Key))
        {
            listeners.Add(socket);
        }

        return listeners.Count == 0 ? [] : [PortTarget.Of(listeners, targets.Select(t => t.Pid))];
    }

    private bool RefuseEarly(SocketRow row)
    {
        var refusal =
            _readOnly ? KillRefusal.ReadOnly
            : row.Mark == RowMark.Gone ? KillRefusal.SocketGone
            : KillPolicy.Check(row.Socket);
        if (refusal != KillRefusal.None)
        {
            _view.ShowNotice(Wording.Refusal(refusal));
        }

        return refusal != KillRefusal.None;
    }
}
