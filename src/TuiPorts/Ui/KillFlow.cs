using System.Reactive.Concurrency;
using Terminal.Gui.App;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Ui;

/// <summary>Wires the real kill flow: message-box dialogs, pidfd signals, the port watched on the thread pool; other hosts' rows through ssh.</summary>
public static class KillFlow
{
    public static KillController Attach(IApplication app, MainWindow window, ProcRoot root, SnapshotPoller poller, KillRefusal killsOff, RemoteKiller? remote = null)
    {
        var processes = new ProcessReader(root);
        return new KillController(
            window,
            new MessageBoxKillPrompt(app),
            new KillPlanner(new PidfdSignalSender(root), KillPolicy.ForThisProcess(root), root),
            () => new KillRun(new FreshSnapshotSource(root), processes.Read, TimeProvider.System, Thread.Sleep),
            TaskPoolScheduler.Default,
            action => app.Invoke(action),
            poller.RequestRefresh,
            killsOff)
        {
            CurrentSnapshot = () => window.State.Snapshot,
            Remote = remote,
        };
    }
}
