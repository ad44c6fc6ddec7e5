using TuiPorts.Core.Filtering;

namespace TuiPorts.Core.Presentation;

/// <summary>The port filter's complaints (<c>--port</c>, <c>kill PORTS</c>, the filter field): what is wrong, and what would do.</summary>
public static partial class Wording
{
    public const string EmptyPortFilter = "empty port filter: give a port, a list (80,443), a range (8000-8100) or a service name";

    public const string PortFilterTooLong = "port filter too long";

    public static string NoPortIn(string text) => $"no port in '{text}'";

    public static string IncompletePortRange(string item) => $"incomplete port range: {item} (write from-to, e.g. 8000-8100)";

    public static string ReversedPortRange(int from, int to) =>
        $"reversed port range: {from}-{to} (start must not exceed end; did you mean {to}-{from}?)";

    public static string UnknownPortName(string item, bool servicesAvailable) =>
        $"unknown port or service name: {item} ({(servicesAvailable ? "not in /etc/services" : "/etc/services is missing; use a port number")})";

    public static string NotAPortNumber(string text) => $"not a port number: {text}";

    public static string PortOutOfRange(string text, int max) => $"port out of range: {text} (ports are 0-{max})";

    /// <summary>A port filter's problem in one line, the offending text cut and made printable.</summary>
    public static string PortFilter(PortFilterProblem problem) => problem.Kind switch
    {
        PortFilterProblemKind.Empty => EmptyPortFilter,
        PortFilterProblemKind.TooLong => PortFilterTooLong,
        PortFilterProblemKind.NoPort => NoPortIn(Printable(problem.Text)),
        PortFilterProblemKind.IncompleteRange => IncompletePortRange(Printable(problem.Text)),
        PortFilterProblemKind.ReversedRange => ReversedPortRange(problem.From, problem.To),
        PortFilterProblemKind.UnknownName => UnknownPortName(Printable(problem.Text), problem.ServicesAvailable),
        PortFilterProblemKind.NotANumber => NotAPortNumber(Printable(problem.Text)),
        _ => PortOutOfRange(Printable(problem.Text), PortFilterParser.MaxPort),
    };

    /// <summary>Keeps messages one line and short whatever the input was.</summary>
    private static string Printable(string text)
    {
        string cleaned = TerminalText.Sanitize(text.Length > 40 ? text[..40] : text);
        return text.Length > 40 ? cleaned + "..." : cleaned;
    }
}
