using Terminal.Gui.Drawing;
using TuiPorts.Cli;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiPorts.Ui;

/// <summary>The few colour schemes the screen uses; with --no-color every one is the terminal's default.</summary>
public sealed class Schemes
{
    public Schemes(ColorMode mode)
    {
        bool color = mode != ColorMode.None;
        Normal = Make(StandardWhite, StandardBlack, color);
        Header = Make(new Color(ColorName16.Black), new Color(ColorName16.Green), color, reverseWhenMono: true);
        Field = Make(new Color(ColorName16.Black), new Color(ColorName16.Cyan), color, reverseWhenMono: true);
        InvalidField = Make(new Color(ColorName16.White), new Color(ColorName16.Red), color, reverseWhenMono: true);
        Error = Make(new Color(ColorName16.BrightRed), StandardBlack, color);
        NewRow = Make(new Color(ColorName16.Black), new Color(ColorName16.Green), color);
        GoneRow = Make(new Color(ColorName16.White), new Color(ColorName16.Red), color);
        var faint = new Attribute(color ? new Color(ColorName16.DarkGray) : StandardWhite, StandardBlack, TextStyle.Faint);
        StaleRow = new Scheme(faint) { Focus = new Attribute(StandardBlack, color ? new Color(ColorName16.DarkGray) : StandardWhite), Editable = faint };
    }

    public Scheme Normal { get; }

    public Scheme Header { get; }

    public Scheme Field { get; }

    public Scheme InvalidField { get; }

    public Scheme Error { get; }

    public Scheme NewRow { get; }

    public Scheme GoneRow { get; }

    /// <summary>A stale host's rows: its last known sockets, dimmed (faint without colours).</summary>
    public Scheme StaleRow { get; }

    private static Color StandardWhite => new(ColorName16.White);

    private static Color StandardBlack => new(ColorName16.Black);

    private static Scheme Make(Color foreground, Color background, bool color, bool reverseWhenMono = false)
    {
        var attribute = color
            ? new Attribute(foreground, background)
            : new Attribute(StandardWhite, StandardBlack, reverseWhenMono ? TextStyle.Reverse : TextStyle.None);
        var focus = color ? new Attribute(background, foreground) : new Attribute(StandardWhite, StandardBlack, TextStyle.Reverse);
        return new Scheme(attribute) { Focus = focus, Editable = attribute, Active = focus };
    }
}
