using System.Globalization;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Filtering;

/// <summary>
/// Parses the port grammar: items separated by commas; an item is a port (0-65535), a range <c>from-to</c>
/// (from &lt;= to), or a service name from /etc/services. Never throws: bad text gives a <see cref="PortFilterProblem"/>.
/// </summary>
public static class PortFilterParser
{
    public const int MaxPort = 65535;
    private const int MaxLength = 4096;

    public static PortFilterResult Parse(string? text, ServicesFile services)
    {
        string trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return PortFilterResult.Fail(new PortFilterProblem(PortFilterProblemKind.Empty));
        }

        if (trimmed.Length > MaxLength)
        {
            return PortFilterResult.Fail(new PortFilterProblem(PortFilterProblemKind.TooLong));
        }

        var ranges = new List<PortRange>();
        bool onlyNames = true;
        foreach (string rawItem in trimmed.Split(','))
        {
            string item = rawItem.Trim();
            if (item.Length == 0)
            {
                continue; // "80," while typing, or "80,,443": harmless
            }

            var (range, error, isName) = ParseItem(item, services);
            if (error is not null)
            {
                return PortFilterResult.Fail(error);
            }

            onlyNames &= isName;
            ranges.Add(range);
        }

        return ranges.Count == 0
            ? PortFilterResult.Fail(new PortFilterProblem(PortFilterProblemKind.NoPort, trimmed))
            : PortFilterResult.Ok(new PortFilter(ranges, trimmed) { IsServiceNameOnly = onlyNames });
    }

    /// <summary>True when the text can only be meant as ports (digits, commas, dashes, spaces).</summary>
    public static bool LooksNumeric(string text) =>
        text.Length > 0 && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is ',' or '-' or ' ');

    private static (PortRange Range, PortFilterProblem? Error, bool IsName) ParseItem(string item, ServicesFile services)
    {
        int dash = item.IndexOf('-', 1);
        if (item.All(char.IsAsciiDigit) || (dash > 0 && item[..dash].Trim().All(char.IsAsciiDigit)))
        {
            if (dash < 0)
            {
                return ParsePort(item, out int port, out PortFilterProblem? error) ? (new PortRange(port, port), null, false) : (default, error, false);
            }

            string fromText = item[..dash].Trim();
            string toText = item[(dash + 1)..].Trim();
            if (toText.Length == 0)
            {
                return (default, new PortFilterProblem(PortFilterProblemKind.IncompleteRange, item), false);
            }

            if (!ParsePort(fromText, out int from, out PortFilterProblem? fromError))
            {
                return (default, fromError, false);
            }

            if (!ParsePort(toText, out int to, out PortFilterProblem? toError))
            {
                return (default, toError, false);
            }

            return from <= to
                ? (new PortRange(from, to), null, false)
                : (default, new PortFilterProblem(PortFilterProblemKind.ReversedRange, item, from, to), false);
        }

        if (services.TryGetPort(item, out int servicePort))
        {
            return (new PortRange(servicePort, servicePort), null, true);
        }

        return (default, new PortFilterProblem(PortFilterProblemKind.UnknownName, item, ServicesAvailable: services.IsAvailable), true);
    }

    private static bool ParsePort(string text, out int port, out PortFilterProblem? error)
    {
        error = null;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            port = 0;
            error = new PortFilterProblem(PortFilterProblemKind.NotANumber, text);
            return false;
        }

        if (text.Length > 5 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > MaxPort)
        {
            port = 0;
            error = new PortFilterProblem(PortFilterProblemKind.OutOfRange, text);
            return false;
        }

        return true;
    }
}
