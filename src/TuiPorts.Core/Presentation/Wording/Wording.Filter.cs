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
}
