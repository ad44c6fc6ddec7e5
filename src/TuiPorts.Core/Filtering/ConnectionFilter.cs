using System.Globalization;
using System.Net;

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
    /// means its IPv4 form. A problem is told as facts (<c>Presentation.Wording.Peer</c> words it).
    /// </summary>
    public static bool TryParsePeer(string text, out IPAddress? address, out int? port, out PeerProblem? error)
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
                error = new PeerProblem(PeerProblemKind.BadForm, text);
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
            error = new PeerProblem(PeerProblemKind.NotAnAddress, text);
            return false;
        }

        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p < 1 || p > 65535)
            {
                error = new PeerProblem(PeerProblemKind.BadPort, portText);
                return false;
            }

            port = p;
        }

        address = Plain(parsed);
        return true;
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

/// <summary>What is wrong with a <c>--peer</c> value.</summary>
public enum PeerProblemKind
{
    /// <summary>Not ADDR, ADDR:PORT or [IPv6]:PORT.</summary>
    BadForm,
    NotAnAddress,
    /// <summary>The port part is not 1-65535.</summary>
    BadPort,
}

/// <summary>A <c>--peer</c> problem as facts: its kind and the offending text (raw).</summary>
public sealed record PeerProblem(PeerProblemKind Kind, string Text);
