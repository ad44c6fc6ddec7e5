using System.Globalization;

namespace TuiPorts.Cli;

/// <summary>The one way options such as --interval and --timeout read a number of seconds.</summary>
public static class Seconds
{
    /// <summary>
    /// A plain decimal number of seconds (no sign, no exponent) within [min, max]; NaN and Infinity, which .NET parses
    /// whatever the number style, are not numbers of seconds.
    /// </summary>
    public static bool TryParse(string? text, double min, double max, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds)
            || !double.IsFinite(seconds) || seconds < min || seconds > max)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
