using System.Collections.ObjectModel;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace TuiPorts.Ui;

/// <summary>The scrollable pane under the table: the highlighted socket's holders and their open fds.</summary>
public sealed class DetailPane : ListView
{
    public DetailPane()
    {
        Title = "Details";
        BorderStyle = LineStyle.Single;
        CanFocus = true;
    }

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
    /// new highlight starts at the top (an old offset could leave the pane blank).
    /// </summary>
    public void Show(IReadOnlyList<string> lines, bool keepScroll)
    {
        int top = Viewport.Y;
        SetSource(new ObservableCollection<string>(lines));
        Viewport = Viewport with { Y = keepScroll && top > 0 && top < lines.Count ? top : 0 };
    }
}
