using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace TuiPorts.Ui;

/// <summary>
/// Setters that leave a view alone when the value is the one it already has. Terminal.Gui marks a view for drawing on
/// every assignment, and a new <c>Height</c> lays out and redraws the whole window: under churn the screen is rebuilt
/// every refresh, and most of it (the summary, the header, the heights) is unchanged.
/// </summary>
public static class QuietUpdates
{
    public static void SetText(View view, string text)
    {
        if (!string.Equals(view.Text, text, StringComparison.Ordinal))
        {
            view.Text = text;
        }
    }

    public static void SetHeight(View view, Dim height)
    {
        if (view.Height != height)
        {
            view.Height = height;
        }
    }

    public static void SetVisible(View view, bool visible)
    {
        if (view.Visible != visible)
        {
            view.Visible = visible;
        }
    }

    /// <summary>Sets <paramref name="scheme"/> unless it is the very scheme the view was given last.</summary>
    public static void SetScheme(View view, Scheme scheme)
    {
        if (!view.HasScheme || !ReferenceEquals(view.GetScheme(), scheme))
        {
            view.SetScheme(scheme);
        }
    }
}
