using System.CommandLine;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Killing;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports kill PORTS</c>: the scriptable twin of K. Acts on the holders of matching listening sockets only (never
/// on clients connected to the port), refuses to half-kill a shared socket without <c>--all-holders</c>, pins every
/// target with a pidfd before asking, and exits non-zero if any target survived or was refused.
/// </summary>
public sealed class KillCommand
{
    private readonly Argument<string> _ports = new("PORTS") { Description = "Port filter: 9000, 80,443, 8000-8100 or a service name." };
    private readonly Option<string> _signal = new("--signal", "-s") { Description = "Signal to send: TERM, KILL, INT, HUP, QUIT, USR1, USR2.", DefaultValueFactory = _ => "TERM" };
    private readonly Option<bool> _allHolders = new("--all-holders") { Description = "Kill every process holding a shared socket (otherwise such a socket is refused)." };
    private readonly Option<string> _timeout = new("--timeout") { Description = "Seconds to wait for exit before escalating to SIGKILL.", DefaultValueFactory = _ => "3", HelpName = "SECONDS" };
    private readonly Option<bool> _noEscalate = new("--no-escalate") { Description = "Do not send SIGKILL when the process outlives --timeout." };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation." };
    private readonly Option<bool> _dryRun = new("--dry-run", "-n") { Description = "Show what would be done; send nothing." };

    public Command Build(QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var command = new Command("kill", "Kill the processes holding the listening sockets on PORTS (SIGTERM, then SIGKILL after --timeout).")
        {
            _ports, _signal, _allHolders, _timeout, _noEscalate, _yes, _dryRun,
        };
        command.Options.Add(query.ProcRoot);
        command.SetAction(result => Run(result, query, input, output, error));
        return command;
    }

    private int Run(ParseResult result, QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var root = query.ProcRootOf(result);
        var parsed = PortFilterParser.Parse(result.GetValue(_ports), ServicesFile.Load(root));
        if (!parsed.IsValid)
        {
            return CommandLineInterface.UsageError(error, parsed.Error!);
        }

        if (!Signals.TryParse(result.GetValue(_signal), out int signal))
        {
            return CommandLineInterface.UsageError(error, $"--signal: unknown signal '{result.GetValue(_signal)}' (use one of {string.Join(", ", Signals.Names)})");
        }

        if (!Seconds.TryParse(result.GetValue(_timeout), 0, 3600, out var timeout))
        {
            return CommandLineInterface.UsageError(error, $"--timeout: '{result.GetValue(_timeout)}' is not a number of seconds between 0 and 3600");
        }

        var request = new KillRequest(signal, !result.GetValue(_noEscalate), timeout);
        var snapshot = new ProcSnapshotSource(root).Take();
        var sockets = snapshot.Sockets.Where(s => SocketQuery.IsKillCandidate(s, parsed.Filter!)).ToList();
        if (sockets.Count == 0)
        {
            error.WriteLine($"tuiports: no listening socket on {parsed.Filter!.Text}: nothing to kill");
            return ExitCodes.Failure;
        }

        var planner = new KillPlanner(new PidfdSignalSender(root), KillPolicy.ForThisProcess(root), root);
        var (targets, refused) = PinTargets(sockets, planner, result.GetValue(_allHolders), output);
        try
        {
            return Execute(targets, refused, request, result, input, output, error);
        }
        finally
        {
            targets.ForEach(t => t.Dispose());
        }
    }

    private static (List<KillTarget> Targets, int Refused) PinTargets(List<SocketEntry> sockets, KillPlanner planner, bool allHolders, TextWriter output)
    {
        var targets = new List<KillTarget>();
        int refused = 0;
        foreach (var socket in sockets)
        {
            string label = $"{socket.Protocol.Name()} {socket.LocalEndpoint} {socket.State}";
            if (socket.HoldersHidden || socket.Holders.Count == 0)
            {
                output.WriteLine($"{label}: refused: " + (socket.HoldersHidden ? "owner hidden — run with sudo" : "no process holds it"));
                refused++;
                continue;
            }

            if (socket.Holders.Count > 1 && !allHolders)
            {
                output.WriteLine($"{label}: refused: {socket.Holders.Count} processes hold this socket; the port stays open unless all of them exit. Holders:");
                foreach (var holder in socket.Holders)
                {
                    output.WriteLine($"    pid {holder.Pid} ({holder.Process.Name}, user {holder.Process.User}): {holder.Process.DisplayCommand}");
                }

                output.WriteLine("    rerun with --all-holders to kill them all");
                refused++;
                continue;
            }

            foreach (var holder in socket.Holders.Where(o => targets.TrueForAll(t => t.Pid != o.Pid)))
            {
                var target = planner.PinProcess(holder.Process, socket.Inode);
                output.WriteLine($"{label}: pid {holder.Pid} ({holder.Process.Name}, user {holder.Process.User}): {holder.Process.DisplayCommand}");
                if (target.Problem is not null)
                {
                    output.WriteLine($"    {target.Problem}");
                    refused++;
                }

                targets.Add(target);
            }
        }

        return (targets, refused);
    }

    private int Execute(List<KillTarget> targets, int refused, KillRequest request, ParseResult result, TextReader input, TextWriter output, TextWriter error)
    {
        var ready = targets.Where(t => t.CanSignal).ToList();
        if (ready.Count == 0)
        {
            error.WriteLine(refused > 0 ? "tuiports: nothing sent: every target was refused (see above)" : "tuiports: nothing to kill");
            return ExitCodes.Failure;
        }

        string what = $"send {request.Describe()} to {ready.Count} process{(ready.Count == 1 ? string.Empty : "es")} ({string.Join(", ", ready.Select(t => t.Pid))})";
        if (result.GetValue(_dryRun))
        {
            output.WriteLine($"dry run: would {what}; nothing sent");
            return refused == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }

        if (!result.GetValue(_yes) && !Confirm(what, input, output))
        {
            output.WriteLine("cancelled: nothing sent");
            return ExitCodes.Failure;
        }

        var outcomes = new KillExecutor(DefaultScheduler.Instance).ExecuteAll(ready, request).ToList().Wait();
        foreach (var outcome in outcomes.OrderBy(o => o.Pid))
        {
            output.WriteLine(outcome.Message);
        }

        return refused == 0 && outcomes.All(o => o.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static bool Confirm(string what, TextReader input, TextWriter output)
    {
        output.Write($"{char.ToUpperInvariant(what[0])}{what[1..]}? [y/N] ");
        output.Flush();
        string? answer = input.ReadLine();
        return answer is not null && answer.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
