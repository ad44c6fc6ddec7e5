using System.Reactive.Concurrency;
using Terminal.Gui.App;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Ui;

/// <summary>Wires the real kill flow: message-box dialogs, pidfd signals, exit watching on the thread pool.</summary>
public static class KillFlow
{
    public static KillController Attach(IApplication app, MainWindow window, ProcRoot root, SnapshotPoller poller, bool readOnly) => new(
        window,
        new MessageBoxKillPrompt(app),
        new KillPlanner(new PidfdSignalSender(root), KillPolicy.ForThisProcess(root), root),
        new KillExecutor(TaskPoolScheduler.Default),
        action => app.Invoke(action),
        poller.RequestRefresh,
        readOnly);
}
