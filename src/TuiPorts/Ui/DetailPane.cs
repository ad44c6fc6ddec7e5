using System.Collections.ObjectModel;
using Terminal.Gui.Drawing;
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

    /// <summary>Replaces the lines, keeping the scroll position when it still makes sense (live refresh).</summary>
    public void Show(IReadOnlyList<string> lines)
    {
        int top = Viewport.Y;
        SetSource(new ObservableCollection<string>(lines));
        if (top > 0 && top < lines.Count)
        {
            Viewport = Viewport with { Y = top };
        }
    }
}
