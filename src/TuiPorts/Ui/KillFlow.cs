using System.Reactive.Concurrency;
using Terminal.Gui.App;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;

namespace TuiPorts.Ui;

/// <summary>Wires the real kill flow: message-box dialogs, pidfd signals, exit watching on the thread pool.</summary>
public static class KillFlow
{
    public static KillController Attach(IApplication app, MainWindow window, UiContext context, SnapshotPoller poller) => new(
        window,
        new MessageBoxKillPrompt(app),
        new KillPlanner(new PidfdSignalSender(context.Root), KillPolicy.ForThisProcess(), context.Root),
        new KillExecutor(TaskPoolScheduler.Default),
        action => app.Invoke(action),
        poller.RequestRefresh,
        context.Settings.ReadOnly);
}
