using System.CommandLine;
using System.Globalization;
using TuiPorts.Core.Live;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>Options that only matter to the live UI.</summary>
public sealed class UiOptions
{
    public Option<string> Interval { get; } = new("--interval", "-i")
    {
        Description = $"Seconds between refreshes ({RefreshSettings.MinInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} to {RefreshSettings.MaxInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}).",
        DefaultValueFactory = _ => RefreshSettings.DefaultInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        HelpName = "SECONDS",
    };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (also when NO_COLOR is set)." };

    public Option<bool> SixteenColors { get; } = new("--16-colors") { Description = "Only the 16 basic colours (old terminals)." };

    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "Disable killing: K explains why instead." };

    public Option<bool> NoMouse { get; } = new("--no-mouse") { Description = "Leave the mouse to the terminal (its own text selection); M toggles it live." };

    public void AddTo(Command command)
    {
        command.Options.Add(Interval);
        command.Options.Add(NoColor);
        command.Options.Add(SixteenColors);
        command.Options.Add(ReadOnly);
        command.Options.Add(NoMouse);
    }

    /// <summary>
    /// The colours a terminal gets: none with --no-color or NO_COLOR (any value, see no-color.org); 24-bit only when
    /// COLORTERM advertises it (truecolor, 24bit); otherwise the 16 ANSI colours, which every colour terminal - 256-colour
    /// xterm, screen, tmux, the Linux console - shows in its own theme.
    /// </summary>
    public static ColorMode DetectColors(bool noColor, bool sixteen, Func<string, string?> environment)
    {
        if (noColor || !string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return ColorMode.None;
        }

        string colorTerm = environment("COLORTERM") ?? string.Empty;
        bool trueColor = colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase);
        return sixteen || !trueColor ? ColorMode.Sixteen : ColorMode.TrueColor;
    }

    public UiSettings? SettingsOf(ParseResult result, out string? problem)
    {
        problem = null;
        string text = result.GetValue(Interval) ?? RefreshSettings.DefaultInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        if (!Seconds.TryParse(text, RefreshSettings.MinInterval.TotalSeconds, RefreshSettings.MaxInterval.TotalSeconds, out var interval))
        {
            problem = $"--interval: '{text}' is not a number of seconds between {RefreshSettings.MinInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} and {RefreshSettings.MaxInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        var colors = DetectColors(result.GetValue(NoColor), result.GetValue(SixteenColors), Environment.GetEnvironmentVariable);
        return new UiSettings(new RefreshSettings(interval), colors, result.GetValue(ReadOnly), Mouse: !result.GetValue(NoMouse));
    }
}
