using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiPorts.Ui;

/// <summary>
/// A modal box of read-only lines that scrolls (Up, Down, PgUp, PgDn, Home, End, the wheel) and fits the screen: the
/// F1 help, the holders' process tree and the message log. As in htop, q, Esc, F1 or Enter closes it.
/// </summary>
public sealed class TextDialog : Dialog
{
    private readonly IApplication _app;
    private readonly ListView _list = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = false };

    private TextDialog(IApplication app, string title, IReadOnlyList<string> lines, LineStyle border)
    {
        _app = app;
        lines = lines.Select(Core.Presentation.TerminalText.Sanitize).ToList(); // process names and reports: never raw
        title = Core.Presentation.TerminalText.Sanitize(title);
        Title = title;
        BorderStyle = border;
        ShadowStyle = null;
        int cols = app.Driver?.Cols ?? 80;
        int rows = app.Driver?.Rows ?? 24;
        int longest = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        Width = Math.Clamp(Math.Max(longest, title.Length + 4) + 4, 10, Math.Max(10, cols - 2));
        Height = Math.Clamp(lines.Count + 2, 3, Math.Max(3, rows - 2));
        X = Pos.Center();
        Y = Pos.Center();
        _list.SetSource(new ObservableCollection<string>(lines));
        Lines = lines;
        CanFocus = true;
        Add(_list); // not focusable: every key comes to the box, which scrolls the text instead of moving a highlight
    }

    /// <summary>The lines the box holds (all of them, whether or not they are scrolled into view).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The first line in view.</summary>
    public int TopLine => _list.Viewport.Y;

    /// <summary>Runs the box until q, Esc, F1 or Enter closes it.</summary>
    public static void Show(IApplication app, string title, IReadOnlyList<string> lines, LineStyle border)
    {
        using var dialog = new TextDialog(app, title, lines, border);
        app.Run(dialog);
    }

    /// <summary>True for the keys that close the box.</summary>
    public static bool Closes(Key key) => key == Key.Q || key == Key.Esc || key == Key.F1 || key == Key.Enter || key == Key.F10;

    protected override bool OnKeyDown(Key key)
    {
        if (Closes(key))
        {
            _app.RequestStop(this);
            return true;
        }

        if (key == Key.CursorDown || key == Key.CursorUp || key == Key.PageDown || key == Key.PageUp || key == Key.Home || key == Key.End)
        {
            Scroll(key);
            return true;
        }

        return base.OnKeyDown(key);
    }

    /// <summary>Moves the text, not a highlight: every line is as readable as the next.</summary>
    private void Scroll(Key key)
    {
        int height = Math.Max(1, _list.Viewport.Height);
        int last = Math.Max(0, Lines.Count - height);
        int top = _list.Viewport.Y;
        top = key == Key.CursorDown ? top + 1
            : key == Key.CursorUp ? top - 1
            : key == Key.PageDown ? top + height - 1
            : key == Key.PageUp ? top - height + 1
            : key == Key.Home ? 0
            : last;
        _list.Viewport = _list.Viewport with { Y = Math.Clamp(top, 0, last) };
    }
}
