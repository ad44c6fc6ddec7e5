using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>The question before <c>c</c> closes a connection: the last button (Enter's default) and Esc say no.</summary>
public static class CloseDialog
{
    public static bool Confirm(IApplication app, SocketEntry socket) =>
        MessageBox.Query(
            app,
            "Close this connection only?",
            TerminalText.SanitizeLines(string.Join('\n', TextWrap.Lines(Wording.CloseQuestion(socket), Math.Max(20, (app.Driver?.Cols ?? 80) - 10)))),
            false,
            "_close it",
            "_no") == 0;
}
