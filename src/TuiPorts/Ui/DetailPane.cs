using System.Collections.ObjectModel;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The pane under the table: a title rule, a fixed header (the socket, its top holder and that holder's command) that
/// never scrolls, and below it the body - holders and open fds - that scrolls. Header lines are cut to the pane's
/// width (one line each, always in place); body lines wrap (what is cut off is often the point: "...and frees the
/// port", "&lt;- this socket"). A new highlight scrolls the body to the socket's own fd when it is below the fold.
/// </summary>
public sealed class DetailPane : View
{
    private const string Continuation = "    ";

    /// <summary>
    /// The header's height whatever it holds: the socket, its lead holder and that holder's command (three lines); the
    /// shorter headers (no holder, hidden, nothing selected) have no body under them. A header that changed height
    /// would move the body, and Terminal.Gui lays out and clears the whole window for that, cell by cell, on the very
    /// key that changed the highlight or the filter.
    /// </summary>
    public const int HeaderHeight = 3;
    private readonly Label _rule = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _header = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = HeaderHeight };
    private readonly BodyList _body = new() { X = 0, Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly Glyphs _glyphs;
    private DetailText _text = new([], []);
    private int _wrappedFor = -1;

    public DetailPane(Glyphs glyphs)
    {
        _glyphs = glyphs;
        CanFocus = true;
        _body.Y = Pos.Bottom(_header);
        Add(_rule, _header, _body);
        FrameChanged += (_, _) => Rewrap();
        ShowRule();
    }

    /// <summary>The body lines as shown, wrapped to the pane.</summary>
    public IReadOnlyList<string> ShownLines { get; private set; } = [];

    /// <summary>The header lines as shown, cut to the pane.</summary>
    public IReadOnlyList<string> HeaderLines { get; private set; } = [];

    /// <summary>The body's first line in view.</summary>
    public int TopLine => _body.Viewport.Y;

    /// <summary>
    /// Replaces the text. A live refresh of the same socket keeps the body's scroll position when it still makes
    /// sense; a new highlight starts at the top, or at the socket's own fd when that is below the fold.
    /// </summary>
    public void Show(DetailText text, bool keepScroll)
    {
        int top = _body.Viewport.Y;
        _text = text;
        SetLines();
        if (keepScroll && top > 0 && top < ShownLines.Count)
        {
            _body.Viewport = _body.Viewport with { Y = top };
            return;
        }

        int marked = ShownLines.ToList().FindIndex(l => l.Contains(HolderDetails.ThisSocketMarker, StringComparison.Ordinal));
        int height = Math.Max(1, _body.Viewport.Height);
        _body.Viewport = _body.Viewport with { Y = marked >= height ? Math.Max(0, marked - (height / 2)) : 0 };
    }

    /// <summary>Wraps lines longer than <paramref name="width"/> into indented continuation lines.</summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> lines, int width) => width < Continuation.Length + 8
        ? lines
        : lines.SelectMany(line => TextWrap.Lines(line, width, Continuation)).ToList();

    /// <summary>Up and Down scroll the body and never hand focus on to another view.</summary>
    protected override bool OnKeyDown(Key key) => _body.Scroll(key) || base.OnKeyDown(key);

    private int PaneWidth => Viewport.Width > 0 ? Viewport.Width : 200;

    private void ShowRule()
    {
        string title = $"{_glyphs.Rule} Details ";
        QuietUpdates.SetText(_rule, title + new string(_glyphs.Rule, Math.Max(0, PaneWidth - title.Length)));
    }

    private void Rewrap()
    {
        if (PaneWidth != _wrappedFor)
        {
            int top = _body.Viewport.Y;
            SetLines();
            _body.Viewport = _body.Viewport with { Y = Math.Min(top, Math.Max(0, ShownLines.Count - 1)) };
        }
    }

    private void SetLines()
    {
        _wrappedFor = PaneWidth;
        ShowRule();
        HeaderLines = _text.Header.Select(l => Formats.Cut(l, PaneWidth)).ToList();
        QuietUpdates.SetText(_header, string.Join('\n', HeaderLines));
        QuietUpdates.SetHeight(_header, Dim.Absolute(Math.Max(HeaderHeight, HeaderLines.Count)));
        var lines = Wrap(_text.Body, PaneWidth);
        if (!lines.SequenceEqual(ShownLines, StringComparer.Ordinal))
        {
            ShownLines = lines;
            _body.SetSource(new ObservableCollection<string>(ShownLines)); // the same lines again: nothing to redraw
        }
    }

    /// <summary>
    /// The scrolling part: it moves its text, never a highlight, and never hands focus away. With a source, ListView
    /// writes every cell of its viewport (lines padded, blank lines under the last), so clearing it first is skipped.
    /// </summary>
    private sealed class BodyList : ListView
    {
        public BodyList()
        {
            CanFocus = false;
            ClearingViewport += (_, e) => e.Cancel = Source is not null;
        }

        public bool Scroll(Key key)
        {
            int lines = Source?.Count ?? 0;
            int height = Math.Max(1, Viewport.Height);
            int top = Viewport.Y;
            int? next = key == Key.CursorDown ? top + 1
                : key == Key.CursorUp ? top - 1
                : key == Key.PageDown ? top + height - 1
                : key == Key.PageUp ? top - height + 1
                : key == Key.Home ? 0
                : key == Key.End ? lines
                : null;
            if (next is not int wanted)
            {
                return false;
            }

            Viewport = Viewport with { Y = Math.Clamp(wanted, 0, Math.Max(0, lines - height)) };
            return true;
        }
    }
}
