namespace TuiPorts.Core.ProcFs;

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
}
