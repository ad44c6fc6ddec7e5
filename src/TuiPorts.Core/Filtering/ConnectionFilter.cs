using System.Globalization;
using System.Net;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Filtering;

/// <summary>
/// Which connections <c>tuiports close</c> acts on: TCP sockets of the own namespace that are not listeners and have
/// an inode (TIME-WAIT and SYN-RECV rows are not held by anyone), with a local or remote port in <see cref="Ports"/>,
/// optionally only with the given peer (address, and port) and state.
/// </summary>
public sealed record ConnectionFilter(PortFilter Ports, IPAddress? PeerAddress = null, int? PeerPort = null, string? State = null)
{
    public bool Matches(SocketEntry socket, ulong ownNetns) =>
        socket.Protocol.IsTcp() && !socket.IsListening && socket.Inode != 0 && socket.Netns == ownNetns && socket.Host is null
        && (Ports.Matches(socket.LocalPort) || Ports.Matches(socket.RemotePort))
        && (PeerAddress is null || Plain(socket.RemoteAddress).Equals(PeerAddress))
        && (PeerPort is null || socket.RemotePort == PeerPort)
        && (State is null || socket.State == State);

    /// <summary>
    /// <c>--peer</c>: <c>ADDR</c> or <c>ADDR:PORT</c>; IPv6 as <c>::1</c> or <c>[::1]:5432</c>. An IPv4-mapped address
    /// means its IPv4 form. The error is one sentence.
    /// </summary>
    public static bool TryParsePeer(string text, out IPAddress? address, out int? port, out string? error)
    {
        address = null;
        port = null;
        error = null;
        string host = text.Trim();
        string? portText = null;
        if (host.StartsWith('['))
        {
            int close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < host.Length && host[close + 1] != ':'))
            {
                error = $"--peer: '{text}' is not ADDR, ADDR:PORT or [IPv6]:PORT";
                return false;
            }

            portText = close + 1 < host.Length ? host[(close + 2)..] : null;
            host = host[1..close];
        }
        else if (host.Count(c => c == ':') == 1)
        {
            portText = host[(host.IndexOf(':', StringComparison.Ordinal) + 1)..];
            host = host[..host.IndexOf(':', StringComparison.Ordinal)];
        }

        bool fullForm = host.Contains(':', StringComparison.Ordinal) || host.Count(c => c == '.') == 3; // not "10" as 0.0.0.10
        if (!fullForm || !IPAddress.TryParse(host, out var parsed))
        {
            error = Wording.NotAPeerAddress(text);
            return false;
        }

        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p < 1 || p > 65535)
            {
                error = $"--peer: '{portText}' is not a port between 1 and 65535";
                return false;
            }

            port = p;
        }

        address = Plain(parsed);
        return true;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
