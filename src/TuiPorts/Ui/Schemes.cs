using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using TuiPorts.Hosting;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiPorts.Ui;

/// <summary>
/// The few colour schemes the screen uses. Text sits on the terminal's own background (a light theme stays light);
/// only the header and the highlight have one. With <see cref="ColorMode.None"/> (--no-color, NO_COLOR) nothing is
/// coloured at all: the header and the highlight are reverse video, new rows and errors bold.
/// </summary>
public sealed class Schemes
{
    public Schemes(ColorMode mode)
    {
        bool color = mode != ColorMode.None;
        var selection = color ? new Attribute(new Color(ColorName16.Black), new Color(ColorName16.Cyan)) : Mono(TextStyle.Reverse);
        Normal = Make(color ? Plain : Mono(TextStyle.None), selection);
        Header = Make(color ? new Attribute(new Color(ColorName16.Black), new Color(ColorName16.Green)) : Mono(TextStyle.Reverse), selection);
        Field = Make(color ? new Attribute(new Color(ColorName16.BrightCyan), Color.None, TextStyle.Underline) : Mono(TextStyle.Underline), selection);
        InvalidField = Make(color ? new Attribute(new Color(ColorName16.BrightRed), Color.None, TextStyle.Underline) : Mono(TextStyle.Bold | TextStyle.Underline), selection);
        Error = Make(color ? new Attribute(new Color(ColorName16.BrightRed), Color.None) : Mono(TextStyle.Bold), selection);
        Hint = Make(color ? new Attribute(new Color(ColorName16.DarkGray), Color.None) : Mono(TextStyle.None), selection);
        NewRow = Make(color ? new Attribute(new Color(ColorName16.BrightGreen), Color.None) : Mono(TextStyle.Bold), selection);
        GoneRow = Make(color ? new Attribute(new Color(ColorName16.Red), Color.None) : Mono(TextStyle.None), selection);
        StaleRow = Make(color ? new Attribute(new Color(ColorName16.DarkGray), Color.None, TextStyle.Faint) : Mono(TextStyle.Faint), selection);
    }

    public Scheme Normal { get; }

    public Scheme Header { get; }

    public Scheme Field { get; }

    public Scheme InvalidField { get; }

    public Scheme Error { get; }

    public Scheme Hint { get; }

    public Scheme NewRow { get; }

    public Scheme GoneRow { get; }

    /// <summary>The terminal's own colours: no colour escape is sent.</summary>
    private static Attribute Plain => new(Color.None, Color.None);

    /// <summary>A stale host's rows: its last known sockets, dimmed (faint without colours).</summary>
    public Scheme StaleRow { get; }

    /// <summary>
    /// Replaces every scheme of the theme (dialogs, message boxes, menus) with the uncoloured one, so that nothing
    /// Terminal.Gui draws by itself paints a colour either. Process-wide: the launcher calls it once, before any view.
    /// </summary>
    public static void UncolourTheme()
    {
        var mono = new Schemes(ColorMode.None);
        foreach (string name in SchemeManager.GetSchemeNames())
        {
            SchemeManager.AddScheme(name, mono.Normal);
        }
    }

    private static Attribute Mono(TextStyle style) => new(Color.None, Color.None, style);

    private static Scheme Make(Attribute attribute, Attribute selection) =>
        new(attribute) { Focus = selection, Editable = attribute, Active = selection, HotNormal = attribute, HotFocus = selection, Highlight = selection };
}
