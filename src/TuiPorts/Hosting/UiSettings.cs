namespace TuiPorts.Hosting;

/// <summary>How the live UI looks and behaves.</summary>
public sealed record UiSettings(TimeSpan Interval, ColorMode Colors, bool ReadOnly, bool Mouse = true);

public enum ColorMode
{
    TrueColor,
    Sixteen,
    None,
}
