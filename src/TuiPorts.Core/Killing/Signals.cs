using System.Globalization;

namespace TuiPorts.Core.Killing;

/// <summary>The signals tuiports offers, by name and number (Linux numbering, the same on x86_64 and arm64).</summary>
public static class Signals
{
    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGUSR1 = 10;
    public const int SIGUSR2 = 12;
    public const int SIGTERM = 15;
    public const int SIGWINCH = 28;

    private static readonly (string Name, int Number)[] Table =
    [
        ("SIGTERM", SIGTERM), ("SIGKILL", SIGKILL), ("SIGINT", SIGINT), ("SIGHUP", SIGHUP),
        ("SIGQUIT", SIGQUIT), ("SIGUSR1", SIGUSR1), ("SIGUSR2", SIGUSR2), ("SIGWINCH", SIGWINCH),
    ];

    public static IEnumerable<string> Names => Table.Select(t => t.Name);

    public static string Name(int number) =>
        Table.FirstOrDefault(t => t.Number == number).Name ?? $"signal {number}";

    /// <summary>Accepts <c>SIGTERM</c>, <c>TERM</c>, <c>term</c> or <c>15</c>.</summary>
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        string value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            number = n;
            return Table.Any(t => t.Number == n);
        }

        string name = value.StartsWith("SIG", StringComparison.Ordinal) ? value : "SIG" + value;
        foreach (var (known, num) in Table)
        {
            if (known == name)
            {
                number = num;
                return true;
            }
        }

        return false;
    }
}
