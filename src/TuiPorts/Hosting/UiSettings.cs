using TuiPorts.Core.Live;

namespace TuiPorts.Hosting;

/// <summary>How the live UI looks and behaves.</summary>
public sealed record UiSettings(RefreshSettings Refresh, ColorMode Colors, bool ReadOnly, bool Mouse = true)
{
    public TimeSpan Interval => Refresh.Interval;
}

public enum ColorMode
{
    TrueColor,
    Sixteen,
    None,
}
