using System.Reactive.Concurrency;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// K (k, F9) and S in the window: pin the highlighted socket's holders (pidfds, re-verified), ask, signal only the pinned
/// processes, then watch the port on the background scheduler and report its fate in the status line. The plan comes
/// from Core's <see cref="KillPlanner"/> (the same as <c>tuiports kill</c>'s); this class only confirms and runs it. A
/// refresh behind the dialog changes nothing: the plan was fixed when the key was pressed. A process that outlived its
/// stop is offered SIGKILL on the next K - never sent one by surprise. A remote host's row goes through the same plan
/// and dialog and is killed by that host's own tuiports (<see cref="KillOnHost"/>).
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
    private readonly KillRefusal _killsOff;
    private readonly HashSet<(int Pid, ulong Start)> _survivedTerm = [];

    public KillController(
        IKillView view, IKillPrompt prompt, KillPlanner planner, Func<KillRun> newRun, IScheduler background,
        Action<Action> onUiThread, Action refreshNow, KillRefusal killsOff)
    {
        _view = view;
        _prompt = prompt;
        _planner = planner;
        _newRun = newRun;
        _background = background;
        _onUiThread = onUiThread;
        _refreshNow = refreshNow;
        _killsOff = killsOff;
        view.KillRequested += Kill;
        view.SignalMenuRequested += ChooseSignalAndKill;
    }

    /// <summary>The signal K sends; S changes it and it is remembered, like htop. Not explicit: a daemon's own stop wins.</summary>
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
            Request = chosen with { Explicit = true };
            Kill(row, chosenNow: true);
        }
    }

    public void Kill(SocketRow row) => Kill(row, chosenNow: false);

    /// <param name="chosenNow">The signal was just picked with S: it wins over the automatic SIGKILL offer.</param>
    private void Kill(SocketRow row, bool chosenNow)
    {
        if (RefuseEarly(row))
        {
            return;
        }

        var snapshot = SnapshotOf(row.Socket);
        var request = Request;
        if (Remote is { } remote && remote.Serves(row.Socket))
        {
            KillOnHost(row, snapshot, remote);
            return;
        }

        var plan = _planner.ForSocket(row.Socket, snapshot, request); // pinned now: the dialog is about these exact processes
        var primary = plan.Primary!;
        bool survived = _survivedTerm.Contains((primary.Pid, primary.Process.StartTimeTicks));
        if (survived && !chosenNow && primary.IsStop && primary.Signal != Signals.SIGKILL)
        {
            plan.Dispose();
            request = Request with { Signal = Signals.SIGKILL, KillAfter = null, Explicit = true };
            plan = _planner.ForSocket(row.Socket, snapshot, request);
            primary = plan.Primary!;
        }

        if (!plan.IsShared && !primary.CanSignal && plan.Parent is null)
        {
            string problem = KillWording.Problem(primary) ?? Wording.Refusal(KillRefusal.NoHolder);
            _view.ShowNotice(problem);
            _prompt.Explain("Cannot kill", problem);
            plan.Dispose();
            return;
        }

        var choice = _prompt.Confirm(plan, request);
        if (choice == KillChoice.Instead && primary.WorkingInstead is { } instead)
        {
            plan.Dispose();
            request = request with { Signal = instead, Explicit = true };
            plan = _planner.ForSocket(row.Socket, snapshot, request);
            choice = KillChoice.ThisProcess;
        }

        var targets = Chosen(plan, choice);
        if (targets.Count == 0 || targets.Any(t => t.IsAncestor && !_prompt.ConfirmAncestor(t)))
        {
            _view.ShowNotice("kill cancelled: nothing sent");
            plan.Dispose();
            return;
        }

        _view.ShowNotice($"{KillWording.Sending(targets, request).Replace("send ", "sending ", StringComparison.Ordinal)}...");
        var ports = _planner.WatchFor(plan, targets);
        _background.Schedule(() => Run(plan, targets, ports, request));
    }

    private static List<KillTarget> Chosen(KillPlan plan, KillChoice choice) => choice switch
    {
        KillChoice.ThisProcess => [plan.Primary!],
        KillChoice.AllHolders => plan.AllHolders.ToList(),
        KillChoice.Parent when plan.Parent is not null => [plan.Parent],
        _ => [],
    };

    private Snapshot SnapshotOf(SocketEntry socket) => CurrentSnapshot?.Invoke() is { } current && current.Sockets.Count > 0
        ? current
        : Snapshot.Empty with { Sockets = new EquatableArray<SocketEntry>([socket]) };

    private void Run(KillPlan plan, List<KillTarget> targets, IReadOnlyList<PortTarget> ports, KillRequest request)
    {
        try
        {
            var report = _newRun().Execute(targets, ports, request);
            _onUiThread(() =>
            {
                // only a stop that was ignored earns the SIGKILL offer; a reload leaves a process running by design
                var survivors = report.Targets.Where(o => o.Status == KillStatus.Running && o.Target.IsStop && o.Target.Signal != Signals.SIGKILL).ToList();
                foreach (var outcome in survivors)
                {
                    _survivedTerm.Add((outcome.Pid, outcome.Target.Process.StartTimeTicks));
                }

                foreach (var fate in report.Ports.Where(f => f.Restarter is not null))
                {
                    _planner.KnownRestarters.Add((fate.Restarter!.Pid, fate.Restarter.StartTimeTicks));
                }

                plan.Dispose();
                string hint = survivors.Count > 0 ? "; K again offers SIGKILL" : string.Empty;
                _view.ShowNotice(string.Join("; ", KillReportWording.Lines(report, request)) + hint);
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

    private bool RefuseEarly(SocketRow row)
    {
        var refusal =
            _killsOff != KillRefusal.None ? _killsOff
            : row.Mark == RowMark.Gone ? KillRefusal.SocketGone
            : KillPolicy.Check(row.Socket);
        if (refusal != KillRefusal.None)
        {
            _view.ShowNotice(Wording.Refusal(refusal));
        }

        return refusal != KillRefusal.None;
    }
}
