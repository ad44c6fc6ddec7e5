using System.CommandLine;
using System.Globalization;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports kill PORTS</c>: the scriptable twin of K, made to free ports safely. For each matching listening socket
/// it targets the top holder (a pre-fork master, not its workers; never clients), refuses unrelated co-holders without
/// <c>--all-holders</c> and ancestors of tuiports without <c>--force</c>, pins every target with a pidfd before asking,
/// then watches the port and reports its fate. Exit 0 only when every targeted port is free at the end.
/// <c>tuiports kill --pid PID --start-time T</c> instead signals exactly one process, pinned to its start time (what K on
/// a remote host's row runs there).
/// </summary>
public sealed class KillCommand
{
    private readonly Argument<string?> _ports = new("PORTS") { Description = "Port filter: 9000, 80,443, 8000-8100 or a service name (or --pid instead).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<int?> _pid = new("--pid") { Description = "Instead of PORTS: signal exactly this process, with --start-time; then watch the ports it listens on.", HelpName = "PID" };
    private readonly Option<string?> _startTime = new("--start-time") { Description = "With --pid: the process's startTime from --once --json (2026-11-25T12:01:00.34Z); if the pid now has another, nothing is sent.", HelpName = "T" };
    private readonly Option<string> _signal = new("--signal", "-s") { Description = "Signal to send: TERM, KILL, INT, HUP, QUIT, USR1, USR2, WINCH. Default: the daemon's own stop (SIGINT, a fast shutdown, for PostgreSQL), else TERM.", DefaultValueFactory = _ => "TERM", HelpName = "NAME", CompletionSources = { Signals.Names.SelectMany(name => new[] { name[3..], name }).ToArray() } };
    private readonly Option<bool> _allHolders = new("--all-holders") { Description = "Signal every process holding a shared socket, also unrelated ones (otherwise such a port is refused)." };
    private readonly Option<string> _timeout = new("--timeout") { Description = "Seconds to watch the port for its fate after the signal.", DefaultValueFactory = _ => "5", HelpName = "SECONDS" };
    private readonly Option<string?> _killAfter = new("--kill-after") { Description = "Send SIGKILL to targets still alive this many seconds after the signal (never without it).", HelpName = "SECONDS" };
    private readonly Option<string?> _netns = new("--netns") { Description = "Also act on sockets in another network namespace (a container's): its inode, or all. Default: tuiports' own namespace only.", HelpName = "INODE|all" };
    private readonly Option<bool> _force = new("--force") { Description = "Allow a target that is an ancestor of tuiports (your shell, tmux, the sshd session)." };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask for confirmation." };
    private readonly Option<bool> _dryRun = new("--dry-run", "-n") { Description = "Show what would be done; send nothing." };

    public Command Build(QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var command = new Command("kill", "Free PORTS: signal the top holder of each listening socket on them (SIGTERM), then watch the port and report its fate; or signal one process by --pid and --start-time.")
        {
            _ports, _pid, _startTime, _signal, _allHolders, _netns, _timeout, _killAfter, _force, _yes, _dryRun,
        };
        command.Options.Add(query.ProcRoot);
        command.SetAction(result => Run(result, query, input, output, error));
        return command;
    }

    private int Run(ParseResult result, QueryOptions query, TextReader input, TextWriter output, TextWriter error)
    {
        var root = query.ProcRootOf(result);
        string? targetProblem = TargetProblem(result);
        if (targetProblem is not null)
        {
            return CommandLineInterface.UsageError(error, targetProblem);
        }

        DateTime startUtc = default;
        if (result.GetValue(_startTime) is { } startText && !TryParseStartTime(startText, out startUtc))
        {
            return CommandLineInterface.UsageError(error, $"--start-time: '{startText}' is not an ISO 8601 time such as 2026-11-25T12:01:00.34Z");
        }

        if (!Signals.TryParse(result.GetValue(_signal), out int signal))
        {
            return CommandLineInterface.UsageError(error, $"--signal: unknown signal '{result.GetValue(_signal)}' (use one of {string.Join(", ", Signals.Names)})");
        }

        if (!Seconds.TryParse(result.GetValue(_timeout), 0, 3600, out var timeout))
        {
            return CommandLineInterface.UsageError(error, $"--timeout: '{result.GetValue(_timeout)}' is not a number of seconds between 0 and 3600");
        }

        TimeSpan? killAfter = null;
        if (result.GetValue(_killAfter) is { } killAfterText)
        {
            if (!Seconds.TryParse(killAfterText, 0, 3600, out var k))
            {
                return CommandLineInterface.UsageError(error, $"--kill-after: '{killAfterText}' is not a number of seconds between 0 and 3600");
            }

            killAfter = k;
        }

        bool explicitSignal = result.GetResult(_signal) is { Implicit: false };
        var request = new KillRequest(signal, timeout, killAfter) { Explicit = explicitSignal };
        if (!NetnsScopeOf(result.GetValue(_netns), out var scope))
        {
            return CommandLineInterface.UsageError(error, $"--netns: '{result.GetValue(_netns)}' is not a namespace inode (see --once --json \"netns\") or 'all'");
        }

        if (!root.IsRealProcfs())
        {
            return CommandLineInterface.UsageError(error, $"--proc-root {root.Path} is not the live /proc (a copy or a fixture): its pids name no process here, so nothing is ever signalled through it");
        }

        var planner = new KillPlanner(new PidfdSignalSender(root), KillPolicy.ForThisProcess(root), root);
        if (result.GetValue(_pid) is int pid)
        {
            using var pidPlan = planner.ForPid(pid, startUtc, request, result.GetValue(_force));
            if (pidPlan.Problem is { } problem)
            {
                Say(error, $"tuiports: {Wording.PidProblem(problem)}");
                return ExitCodes.Failure;
            }

            bool describe = !result.GetValue(_yes) || result.GetValue(_dryRun);
            var lines = describe ? KillPlanLines.PidTarget(pidPlan) : pidPlan.Targets.Select(KillWording.Problem).OfType<string>();
            lines.ToList().ForEach(line => Say(output, line));
            return Execute(pidPlan, root, result, input, output, error);
        }

        var parsed = PortFilterParser.Parse(result.GetValue(_ports), ServicesFile.Load(root));
        if (!parsed.IsValid)
        {
            return CommandLineInterface.UsageError(error, Wording.PortFilter(parsed.Error!));
        }

        var snapshot = new ProcSnapshotSource(root) { ReusesEntries = false }.Take();
        using var plan = planner.ForPorts(snapshot, parsed.Filter!, request, scope, result.GetValue(_allHolders), result.GetValue(_force));
        if (plan.Ports.Count == 0)
        {
            plan.LeftAlone.Select(KillWording.LeftAlone).ToList().ForEach(line => Say(output, line));
            Say(error, $"tuiports: no listening socket on {parsed.Filter!.Text}{(plan.LeftAlone.Count > 0 ? " in this network namespace" : string.Empty)}: nothing to kill");
            return ExitCodes.Failure;
        }

        KillPlanLines.Lines(plan, snapshot).ToList().ForEach(line => Say(output, line));
        return Execute(plan, root, result, input, output, error);
    }

    private int Execute(KillPlan plan, ProcRoot root, ParseResult result, TextReader input, TextWriter output, TextWriter error)
    {
        var request = plan.Request;
        var ready = plan.Targets.Where(t => t.CanSignal).ToList();
        if (ready.Count == 0)
        {
            error.WriteLine(plan.Refused > 0 ? "tuiports: nothing sent: every target was refused (see above)" : "tuiports: nothing to kill");
            return ExitCodes.Failure;
        }

        string what = KillWording.Sending(ready, request);
        if (result.GetValue(_dryRun))
        {
            output.WriteLine($"dry run: would {what}; nothing sent");
            return plan.Refused == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }

        if (!result.GetValue(_yes) && Prompt.Confirm(what, input, output) is var answer && answer != true)
        {
            output.WriteLine(answer is null ? "no answer (stdin is closed): nothing sent; use --yes to kill without asking" : "cancelled: nothing sent");
            return ExitCodes.Failure;
        }

        var reader = new ProcessReader(root);
        var run = new KillRun(new FreshSnapshotSource(root), reader.Read, TimeProvider.System, Thread.Sleep);
        var report = run.Execute(ready, plan.Watch, request);
        foreach (string line in KillReportWording.Lines(report, request))
        {
            Say(output, line);
        }

        if (KillReportWording.NextStep(report) is { } next)
        {
            Say(output, next);
        }

        return plan.Refused == 0 && report.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Every line of a plan or report names processes that other users control: sanitised on its way out.</summary>
    private static void Say(TextWriter writer, string line) => writer.WriteLine(TerminalText.Sanitize(line));

    /// <summary><c>--netns</c>: absent = tuiports' own namespace; <c>all</c>; or one namespace's inode.</summary>
    private static bool NetnsScopeOf(string? text, out NetnsScope scope)
    {
        scope = NetnsScope.Own;
        if (text is null)
        {
            return true;
        }

        if (text == "all")
        {
            scope = new NetnsScope(null, true);
            return true;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode) && inode > 0)
        {
            scope = new NetnsScope(inode, false);
            return true;
        }

        return false;
    }

    /// <summary>Exactly one way to choose targets: PORTS, or --pid with --start-time.</summary>
    private string? TargetProblem(ParseResult result)
    {
        bool ports = result.GetValue(_ports) is not null;
        bool pid = result.GetValue(_pid) is not null;
        bool start = result.GetValue(_startTime) is not null;
        return (ports, pid, start) switch
        {
            (false, false, _) => "kill: give PORTS, or --pid PID --start-time T",
            (true, true, _) => "kill: PORTS and --pid are two ways to choose what to kill: give one",
            (_, false, true) => "--start-time goes with --pid",
            (_, true, false) => "--pid needs --start-time T (the owner's startTime in --once --json), so a reused pid is never signalled",
            _ when pid && result.GetValue(_pid) <= 0 => $"--pid: '{result.GetValue(_pid)}' is not a process id",
            _ when pid && result.GetValue(_netns) is not null => "--netns chooses among the sockets on PORTS; --pid names one process",
            _ when pid && result.GetValue(_allHolders) => "--all-holders chooses among the holders of PORTS; --pid names one process",
            _ => null,
        };
    }

    /// <summary>An ISO 8601 instant with a zone (<c>2026-11-25T12:01:00.34Z</c>, or <c>startedAt</c>'s offset form), as UTC.</summary>
    private static bool TryParseStartTime(string text, out DateTime utc)
    {
        bool ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal));
        utc = ok ? time.UtcDateTime : default;
        return ok;
    }
}
