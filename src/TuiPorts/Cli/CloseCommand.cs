using System.CommandLine;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports close PORTS [--peer ADDR[:PORT]] [--state STATE] [--yes] [--dry-run]</c>: drop connections without
/// stopping their processes (SOCK_DESTROY, as <c>ss -K</c>). Never listeners. Prints each connection closed; exit 0 when
/// every matching connection is gone, 1 when the kernel refused one (or the question was not answered yes), 2 for bad
/// input. Over ssh: <c>ssh HOST tuiports close ...</c>.
/// </summary>
public sealed class CloseCommand(IConnectionCloser closer)
{
    private readonly Argument<string> _ports = new("PORTS") { Description = "Port filter: a connection's local or remote port (5432, 80,443, 8000-8100 or a service name)." };
    private readonly Option<string?> _peer = new("--peer") { Description = "Only connections with this other end: ADDR or ADDR:PORT ([::1]:5432 for IPv6).", HelpName = "ADDR[:PORT]" };
    private readonly Option<string?> _state = new("--state") { Description = "Only connections in this TCP state: ESTABLISHED (estab), CLOSE-WAIT, SYN-SENT, FIN-WAIT-1 ...", HelpName = "STATE", CompletionSources = { SocketStates.ConnectionStates.ToArray() } };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation." };
    private readonly Option<bool> _dryRun = new("--dry-run", "-n") { Description = "Show which connections would be closed; close nothing." };

    public Command Build(QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var command = new Command("close", "Close the TCP connections on PORTS (never listeners) without stopping the processes that hold them: both ends see a reset. Needs root (CAP_NET_ADMIN).")
        {
            _ports, _peer, _state, _yes, _dryRun,
        };
        command.Options.Add(query.ProcRoot);
        command.SetAction(result => Run(result, query, input, output, error));
        return command;
    }

    private int Run(ParseResult result, QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var root = query.ProcRootOf(result);
        var ports = PortFilterParser.Parse(result.GetValue(_ports), ServicesFile.Load(root));
        if (!ports.IsValid)
        {
            return CommandLineInterface.UsageError(error, Wording.PortFilter(ports.Error!));
        }

        var filter = new ConnectionFilter(ports.Filter!);
        if (result.GetValue(_peer) is { } peerText)
        {
            if (!ConnectionFilter.TryParsePeer(peerText, out var address, out int? port, out var problem))
            {
                return CommandLineInterface.UsageError(error, Wording.Peer(problem!));
            }

            filter = filter with { PeerAddress = address, PeerPort = port };
        }

        if (result.GetValue(_state) is { } stateText)
        {
            string? state = SocketStates.ParseTcpName(stateText);
            if (state is null || state == SocketStates.Listen)
            {
                return CommandLineInterface.UsageError(error, state is null
                    ? $"--state: '{stateText}' is not a TCP state (ESTABLISHED, CLOSE-WAIT, SYN-SENT, FIN-WAIT-1, ...)"
                    : "--state: listeners are never closed (use tuiports kill to stop a server)");
            }

            filter = filter with { State = state };
        }

        if (!Directory.Exists(root.Path))
        {
            return CommandLineInterface.UsageError(error, $"--proc-root: no such directory: {root.Path}");
        }

        var snapshot = new ProcSnapshotSource(root) { ReusesEntries = false }.Take();
        var matching = snapshot.Sockets.Where(s => filter.Matches(s, snapshot.OwnNetns)).ToList();
        if (matching.Count == 0)
        {
            error.WriteLine($"tuiports: {Wording.NothingToClose(Describe(result))}");
            return ExitCodes.Ok; // every matching connection (none) is gone
        }

        foreach (var socket in matching)
        {
            output.WriteLine($"  {Wording.Connection(socket)}");
        }

        string what = $"close {Wording.Count(matching.Count, "connection")} (the processes keep running)";
        if (result.GetValue(_dryRun))
        {
            output.WriteLine($"dry run: would {what}; nothing closed");
            return ExitCodes.Ok;
        }

        if (!result.GetValue(_yes) && Prompt.Confirm(what, input, output) is var answer && answer != true)
        {
            output.WriteLine(answer is null ? "no answer (stdin is closed): nothing closed; use --yes to close without asking" : "cancelled: nothing closed");
            return ExitCodes.Failure;
        }

        int refused = 0;
        foreach (var socket in matching)
        {
            var outcome = closer.Close(socket, snapshot.OwnNetns);
            refused += outcome.IsGone ? 0 : 1;
            (outcome.IsGone ? output : error).WriteLine($"{Wording.CloseOutcome(outcome)}: {Wording.Connection(socket)}");
            if (outcome.Outcome is CloseOutcome.NotSupported or CloseOutcome.NotPermitted)
            {
                refused += matching.Count - matching.IndexOf(socket) - 1; // the same answer for every other one: stop asking
                break;
            }
        }

        return refused == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private string Describe(ParseResult result) => string.Join(' ', new[]
    {
        result.GetValue(_ports),
        result.GetValue(_peer) is { } peer ? $"--peer {peer}" : null,
        result.GetValue(_state) is { } state ? $"--state {state}" : null,
    }.Where(part => part is not null));
}
