using System.CommandLine;

namespace TuiPorts.Cli;

/// <summary>How the live UI looks and behaves.</summary>
public sealed record UiSettings(TimeSpan Interval, ColorMode Colors, bool ReadOnly);

public enum ColorMode
{
    TrueColor,
    Sixteen,
    None,
}

/// <summary>Options that only matter to the live UI.</summary>
public sealed class UiOptions
{
    public Option<string> Interval { get; } = new("--interval", "-i")
    {
        Description = "Seconds between refreshes (0.2 to 3600).",
        DefaultValueFactory = _ => "1",
        HelpName = "SECONDS",
    };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (also when NO_COLOR is set)." };

    public Option<bool> SixteenColors { get; } = new("--16-colors") { Description = "Only the 16 basic colours (old terminals)." };

    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "Disable killing: K explains why instead." };

    public void AddTo(Command command)
    {
        command.Options.Add(Interval);
        command.Options.Add(NoColor);
        command.Options.Add(SixteenColors);
        command.Options.Add(ReadOnly);
    }

    public UiSettings? SettingsOf(ParseResult result, out string? problem)
    {
        problem = null;
        string text = result.GetValue(Interval) ?? "1";
        if (!Seconds.TryParse(text, 0.2, 3600, out var interval))
        {
            problem = $"--interval: '{text}' is not a number of seconds between 0.2 and 3600";
            return null;
        }

        bool noColor = result.GetValue(NoColor) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var colors = noColor ? ColorMode.None : result.GetValue(SixteenColors) ? ColorMode.Sixteen : ColorMode.TrueColor;
        return new UiSettings(interval, colors, result.GetValue(ReadOnly));
    }
}
