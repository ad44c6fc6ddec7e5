namespace TuiPorts.Core.Model;

/// <summary>The <c>st</c> column of /proc/net, named the way netstat names it.</summary>
public static class SocketStates
{
    public const string Listen = "LISTEN";
    public const string Unconnected = "UNCONN";
    public const string Established = "ESTABLISHED";

    private static readonly string[] TcpNames =
    [
        "UNKNOWN", Established, "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
        "CLOSE_WAIT", "LAST_ACK", Listen, "CLOSING", "NEW_SYN_RECV",
    ];

    public static string TcpName(int code) =>
        code >= 1 && code < TcpNames.Length ? TcpNames[code] : $"UNKNOWN_{code:X2}";

    /// <summary>UDP reuses TCP_ESTABLISHED for a connected socket and TCP_CLOSE for an unconnected one.</summary>
    public static string UdpName(int code) => code switch
    {
        1 => Established,
        7 => Unconnected,
        _ => TcpName(code),
    };

    /// <summary>A socket a server waits on: TCP LISTEN, or a bound, unconnected UDP socket.</summary>
    public static bool IsListening(string state) => state is Listen or Unconnected;

    /// <summary>The TCP states a connection can be in (every state but LISTEN), in the kernel's order.</summary>
    public static IReadOnlyList<string> ConnectionStates { get; } = [.. TcpNames[1..].Where(n => n is not (Listen or "CLOSE" or "NEW_SYN_RECV"))];

    /// <summary>
    /// A state as a person types it - netstat's <c>CLOSE_WAIT</c>, ss's <c>close-wait</c>, <c>estab</c>, <c>fin-wait-1</c>,
    /// any case - as the netstat name the snapshot uses; null when it names no TCP state.
    /// </summary>
    public static string? ParseTcpName(string? text)
    {
        string name = (text ?? string.Empty).Trim().ToUpperInvariant().Replace('-', '_');
        name = name switch
        {
            "ESTAB" => Established,
            "FIN_WAIT_1" => "FIN_WAIT1",
            "FIN_WAIT_2" => "FIN_WAIT2",
            "SYN_RECEIVED" => "SYN_RECV",
            _ => name,
        };
        return Array.IndexOf(TcpNames, name) > 0 && name != "UNKNOWN" ? name : null;
    }

    /// <summary>The short name <c>ss</c> prints (<c>ESTAB</c>, <c>TIME-WAIT</c>, <c>CLOSE-WAIT</c>, <c>SYN-RECV</c>).</summary>
    public static string ShortName(string state) => state switch
    {
        Established => "ESTAB",
        "FIN_WAIT1" => "FIN-WAIT-1",
        "FIN_WAIT2" => "FIN-WAIT-2",
        _ => state.Replace('_', '-'),
    };
}
