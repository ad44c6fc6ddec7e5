
namespace TuiPorts.Core.Filtering;

/// <summary>Which protocol family <c>--proto</c> keeps.</summary>
public enum ProtocolFamily
{
    Any,
    Tcp,
    Udp,
}

/// <summary>
/// Everything that narrows the socket list: ports (local or remote), listening-only, protocol family and free text
/// (process name, command line, user, address or host, case-insensitive). All given parts must match. Immutable; the UI replaces it on each change.
/// </summary>
public sealed record SocketQuery(
    PortFilter? Ports = null,
    bool ListeningOnly = false,
    ProtocolFamily Family = ProtocolFamily.Any,
    string? Text = null,
    bool ServiceNamesAlsoMatchText = false)
{
    public static SocketQuery All { get; } = new();

    /// <summary>Only sockets in this state (netstat's name, e.g. <c>CLOSE_WAIT</c>); null for every state.</summary>
    public string? State { get; init; }

    /// <summary>
    /// Whether the query looks only at a socket's own fields (no text to find among its holders' names and command
    /// lines): <see cref="MatchesFields"/> then decides alone, without a <see cref="SocketEntry"/>.
    /// </summary>
    public bool ReadsOnlySocketFields => string.IsNullOrEmpty(Text) && !(Ports is { IsServiceNameOnly: true } && ServiceNamesAlsoMatchText);

    /// <summary>The state, listening, family and port parts of <see cref="Matches"/>: all of it when <see cref="ReadsOnlySocketFields"/>.</summary>
    public bool MatchesFields(Protocol protocol, string state, int localPort, int remotePort) =>
        StateAndFamilyMatch(protocol, state) && PortsMatch(localPort, remotePort);

    private bool StateAndFamilyMatch(Protocol protocol, string state) =>
        (State is null || state == State)
        && (!ListeningOnly || SocketStates.IsListening(state))
        && !(Family == ProtocolFamily.Tcp && !protocol.IsTcp() || Family == ProtocolFamily.Udp && protocol.IsTcp());

    // the peer's port counts only when there is a peer: "*:*" (port 0) must not make --port 0 match every listener
    private bool PortsMatch(int localPort, int remotePort) => Ports is null || Ports.Matches(localPort) || (remotePort != 0 && Ports.Matches(remotePort));

    public bool Matches(SocketEntry socket)
    {
        if (!StateAndFamilyMatch(socket.Protocol, socket.State))
        {
            return false;
        }

        bool portMatch = PortsMatch(socket.LocalPort, socket.RemotePort);
        bool textMatch = string.IsNullOrEmpty(Text) || MatchesText(socket, Text);
        if (Ports is not null && ServiceNamesAlsoMatchText && Ports.IsServiceNameOnly)
        {
            // In the UI, "ssh" means port 22 or a process called sshd: whichever the user is after.
            return portMatch || MatchesText(socket, Ports.Text);
        }

        return portMatch && textMatch;
    }

    public static bool MatchesText(SocketEntry socket, string text)
    {
        if (socket.Host?.Contains(text, StringComparison.OrdinalIgnoreCase) == true
            || socket.LocalAddress.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)
            || socket.RemoteAddress.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)
            || socket.State.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var holder in socket.Holders)
        {
            var process = holder.Process;
            if (process.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || process.CommandLine.Contains(text, StringComparison.OrdinalIgnoreCase)
                || process.User.Equals(text, StringComparison.OrdinalIgnoreCase)
                || process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) == text)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Listening sockets whose local port matches: what <c>tuiports kill</c> acts on.</summary>
    public static bool IsKillCandidate(SocketEntry socket, PortFilter ports) =>
        SocketStates.IsListening(socket.State) && ports.Matches(socket.LocalPort);
}
