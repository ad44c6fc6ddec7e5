using System.Reactive.Concurrency;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Remote;

namespace TuiPorts.Ui;

/// <summary>K on a remote host's row: the same dialog, then that host's tuiports kills, pinned to the exact process.</summary>
public sealed partial class KillController
{
    /// <summary>Runs kills on other hosts (<c>--ssh</c>); null when only this machine is shown.</summary>
    public RemoteKiller? Remote { get; init; }

    /// <summary>
    /// Nothing can be pinned from here, so the plan is only described; the chosen processes are then killed on the host
    /// with <c>tuiports kill --pid P --start-time T --yes</c> on the background scheduler, and what it printed (the port's
    /// fate, each process's outcome, or ssh's error) becomes the status line.
    /// </summary>
    private void KillOnHost(SocketRow row, RemoteKiller remote)
    {
        string host = row.Socket.Host!;
        var plan = KillPlanner.Unpinned(row.Socket, CurrentSnapshot?.Invoke());
        var primary = plan.Primary!;
        if (primary.Problem is not null && !plan.IsShared && plan.Parent is null)
        {
            _view.ShowNotice($"{host}: {primary.Problem}");
            _prompt.Explain("Cannot kill", primary.Problem);
            return;
        }

        var targets = _prompt.Confirm(plan, Request) switch
        {
            KillChoice.ThisProcess => [primary],
            KillChoice.AllHolders => plan.Holders.ToList(),
            KillChoice.Parent when plan.Parent is not null => [plan.Parent],
            _ => new List<KillTarget>(),
        };
        targets = targets.Where(t => t.Problem is null).ToList();
        if (targets.Count == 0)
        {
            _view.ShowNotice("kill cancelled: nothing sent");
            return;
        }

        var request = Request;
        _view.ShowNotice($"sending {request.Describe()} to {string.Join(", ", targets.Select(t => t.Label))} on {host}...");
        _background.Schedule(() =>
        {
            var lines = targets.SelectMany(t => remote.Kill(host, t.Process, request).Lines).ToList();
            _onUiThread(() => _view.ShowNotice(Wording.RemoteKillOutcome(host, lines)));
        });
    }
}
