namespace TuiPorts.Core.Model;

/// <summary>A socket table of /proc/net; the name is the file name and the JSON value.</summary>
public enum Protocol
{
    Tcp,
    Tcp6,
    Udp,
    Udp6,
}

public static class ProtocolExtensions
{
    public static IReadOnlyList<Protocol> All { get; } = [Protocol.Tcp, Protocol.Tcp6, Protocol.Udp, Protocol.Udp6];

    public static string Name(this Protocol protocol) => protocol switch
    {
        Protocol.Tcp => "tcp",
        Protocol.Tcp6 => "tcp6",
        Protocol.Udp => "udp",
        Protocol.Udp6 => "udp6",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    public static bool IsTcp(this Protocol protocol) => protocol is Protocol.Tcp or Protocol.Tcp6;

    public static bool IsIPv6(this Protocol protocol) => protocol is Protocol.Tcp6 or Protocol.Udp6;
}
