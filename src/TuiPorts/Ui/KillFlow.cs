using Terminal.Gui.App;
using TuiPorts.Core.Live;

namespace TuiPorts.Ui;

/// <summary>Connects K in the window to the kill dialog and the signal seam.</summary>
public static class KillFlow
{
    public static void Attach(IApplication app, MainWindow window, UiContext context, SnapshotPoller poller)
    {
        _ = app;
        _ = context;
        _ = poller;
        window.KillRequested += row => window.ShowNotice($"kill of {row.Socket.LocalEndpoint}: not built yet");
    }
}
