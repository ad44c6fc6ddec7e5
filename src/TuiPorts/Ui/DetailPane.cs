using System.Collections.ObjectModel;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The scrollable pane under the table: the highlighted socket's holders and their open fds. Long lines wrap to the
/// pane's width (what is cut off is often the point: "...and frees the port", "&lt;- this socket"), and a new
/// highlight scrolls to the socket's own fd when it is below the fold.
/// </summary>
public sealed class DetailPane : ListView
{
    private const string Continuation = "    ";
    private IReadOnlyList<string> _lines = [];
    private int _wrappedFor = -1;

    public DetailPane()
    {
        Title = "Details";
        BorderStyle = LineStyle.Single;
        CanFocus = true;
        FrameChanged += (_, _) => Rewrap();
    }

    /// <summary>The lines as shown, wrapped to the pane.</summary>
    public IReadOnlyList<string> ShownLines { get; private set; } = [];

    /// <summary>Up and Down scroll the text and never hand focus on to another view.</summary>
    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorDown || key == Key.CursorUp)
        {
            int lines = Source?.Count ?? 0;
            int top = Math.Clamp(Viewport.Y + (key == Key.CursorDown ? 1 : -1), 0, Math.Max(0, lines - Viewport.Height));
            Viewport = Viewport with { Y = top };
            return true;
        }

        return base.OnKeyDown(key);
    }

    /// <summary>
    /// Replaces the lines. A live refresh of the same socket keeps the scroll position when it still makes sense; a
    /// new highlight starts at the top, or at the socket's own fd when that is below the fold.
    /// </summary>
    public void Show(IReadOnlyList<string> lines, bool keepScroll)
    {
        lines = lines.Select(TerminalText.Sanitize).ToList(); // each line is one line: a name cannot add another
        // the socket's own line stays in view on the border, however far the pane scrolls
        Title = lines.Count > 0 ? $"Details: {lines[0]}" : "Details";
        int top = Viewport.Y;
        _lines = lines;
        SetLines(Wrap(lines, WrapWidth));
        if (keepScroll && top > 0 && top < ShownLines.Count)
        {
            Viewport = Viewport with { Y = top };
            return;
        }

        int marked = ShownLines.ToList().FindIndex(l => l.Contains(HolderDetails.ThisSocketMarker, StringComparison.Ordinal));
        int height = Math.Max(1, Viewport.Height);
        Viewport = Viewport with { Y = marked >= height ? Math.Max(0, marked - (height / 2)) : 0 };
    }

    /// <summary>Wraps lines longer than <paramref name="width"/> into indented continuation lines.</summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> lines, int width) => width < Continuation.Length + 8
        ? lines
        : lines.SelectMany(line => TextWrap.Lines(line, width, Continuation)).ToList();

    private int WrapWidth => Viewport.Width > 0 ? Viewport.Width : 200;

    private void Rewrap()
    {
        if (WrapWidth != _wrappedFor && _lines.Count > 0)
        {
            int top = Viewport.Y;
            SetLines(Wrap(_lines, WrapWidth));
            Viewport = Viewport with { Y = Math.Min(top, Math.Max(0, ShownLines.Count - 1)) };
        }
    }

    private void SetLines(IReadOnlyList<string> lines)
    {
        _wrappedFor = WrapWidth;
        ShownLines = lines;
        SetSource(new ObservableCollection<string>(lines));
    }
}
