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
    private void KillOnHost(SocketRow row, Snapshot snapshot, RemoteKiller remote)
    {
        string host = row.Socket.Host!;
        var request = Request;
        var plan = KillPlanner.ForRemoteSocket(row.Socket, snapshot, request);
        var primary = plan.Primary!;
        if (KillWording.Problem(primary) is { } problem && !plan.IsShared && plan.Parent is null)
        {
            _view.ShowNotice($"{host}: {problem}");
            _prompt.Explain("Cannot kill", problem);
            return;
        }

        var targets = Chosen(plan, _prompt.Confirm(plan, request)).Where(t => t.Issue == TargetIssue.None).ToList();
        if (targets.Count == 0)
        {
            _view.ShowNotice("kill cancelled: nothing sent");
            return;
        }

        _view.ShowNotice($"{KillWording.Sending(targets, request).Replace("send ", "sending ", StringComparison.Ordinal)} on {host}...");
        _background.Schedule(() =>
        {
            // the signal planned here (a daemon's own stop) is named explicitly to the host's tuiports
            var lines = targets.SelectMany(t => remote.Kill(host, t.Process, request with { Signal = t.Signal, Explicit = true }).Lines).ToList();
            _onUiThread(() => _view.ShowNotice(Wording.RemoteKillOutcome(host, lines)));
        });
    }
}
