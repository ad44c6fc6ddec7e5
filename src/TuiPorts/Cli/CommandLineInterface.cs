using System.CommandLine;
using System.Text.RegularExpressions;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// The command line: <c>tuiports</c> (live UI), <c>tuiports --once [--json]</c>, <c>tuiports --stream</c>, any of them
/// over several hosts with <c>--ssh</c> (not the stream), and sub-commands. Parse errors and bad filters are one line on
/// stderr and exit code 2.
/// </summary>
public static partial class CommandLineInterface
{
    /// <summary>Stdin is read as plain lines (a y/N answer): System.Console would write control sequences to a tty.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, LiveView? liveView = null, Core.Remote.ChildProcesses? children = null) =>
        Run(args, ProcessStreams.Stdin, output, error, liveView, children);

    /// <param name="liveView">Starts the full-screen UI (the composition root hands it in); without one, asking for
    /// the UI is a usage error, so tests and one-shot hosts never open a terminal by accident.</param>
    /// <param name="children">The registry of the ssh sessions started for <c>--ssh</c> (the composition root ends them at
    /// exit); a private one when not given.</param>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, LiveView? liveView = null, Core.Remote.ChildProcesses? children = null)
    {
        var query = new QueryOptions();
        var once = new Option<bool>("--once") { Description = "Print one snapshot as a table and exit (no UI)." };
        var json = new Option<bool>("--json") { Description = "With --once: print one JSON document instead (see docs/json-schema.md)." };
        var pretty = new Option<bool>("--pretty") { Description = "With --json: indent the document (the default on a terminal; compact when piped)." };
        var stream = new Option<bool>("--stream") { Description = "Print newline-delimited JSON until stopped: the whole snapshot, then per --interval only what changed." };
        var ui = new UiOptions();
        var hosts = new HostOptions();

        var root = new RootCommand(
            "tuiports: a live, htop-style view of every TCP/UDP socket and every process holding it.\n"
            + "Without --once it opens the full-screen UI: type a port to filter, K to kill the highlighted holder.")
        {
            once,
            json,
            pretty,
            stream,
        };
        query.AddTo(root);
        ui.AddTo(root);
        hosts.AddTo(root);
        root.Subcommands.Add(new KillCommand().Build(query, input, output, error));
        root.Subcommands.Add(new CloseCommand(Core.Netlink.SocketDestroyer.Instance).Build(query, input, output, error));
        root.Subcommands.Add(new BenchCommand().Build(query, output, error));
        root.Subcommands.Add(new SoakCommand().Build(query, output, error));
        root.Subcommands.Add(new CompletionCommand().Build(output));
        ProgramVersion.UseFor(root);

        root.SetAction(result =>
        {
            var (socketQuery, problem) = query.QueryOf(result);
            if (socketQuery is null)
            {
                return UsageError(error, problem!);
            }

            bool streaming = result.GetValue(stream);
            if (result.GetValue(json) && !result.GetValue(once) && !streaming)
            {
                return UsageError(error, "--json needs --once (the live UI has no JSON mode)");
            }

            var remote = hosts.SetupOf(result, query, out string? hostsProblem);
            if (remote is not null && children is not null)
            {
                remote = remote with { Children = children };
            }
            if (hostsProblem is not null)
            {
                return UsageError(error, hostsProblem);
            }

            if (streaming && (result.GetValue(once) || remote is not null))
            {
                return UsageError(error, result.GetValue(once) ? "--stream and --once are two modes: give one" : "--stream reads this machine only (each host of --ssh streams its own)");
            }

            ProcRoot procRoot = query.ProcRootOf(result);
            if (!Directory.Exists(procRoot.Path))
            {
                return UsageError(error, $"--proc-root: no such directory: {procRoot.Path}");
            }

            var settings = ui.SettingsOf(result, out string? uiProblem);
            if (settings is null)
            {
                return UsageError(error, uiProblem!);
            }

            if (streaming)
            {
                var heartbeat = hosts.HeartbeatOf(result, out string? heartbeatProblem);
                return heartbeat is { } period
                    ? StreamCommand.Run(procRoot, socketQuery, settings.Refresh with { Heartbeat = period }, output, error)
                    : UsageError(error, heartbeatProblem!);
            }

            if (result.GetValue(once))
            {
                return remote is null
                    ? OnceCommand.Run(procRoot, socketQuery, result.GetValue(json), output, error, result.GetValue(pretty))
                    : HostsOnceCommand.Run(procRoot, socketQuery, remote, result.GetValue(json), result.GetValue(pretty), remote.Launcher, output, error);
            }

            return liveView is null ? UsageError(error, Wording.NoLiveView) : liveView(procRoot, socketQuery, settings, remote, error);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return UsageError(error, parsed.Errors[0].Message);
        }

        // no default handler: it caught a broken pipe (`--once | head`) and printed "Unhandled exception" and a stack;
        // the pipe goes on up to Main (SIGPIPE's status), anything else is said in one safe line here
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(configuration);
        }
        catch (Exception e) when (e is not BrokenPipeException)
        {
            error.WriteLine($"tuiports: unexpected error: {TerminalText.Sanitize($"{e.GetType().Name}: {e.Message}")}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>One line on stderr, exit 2: the message in plain words, every echoed argument made safe for a terminal.</summary>
    public static int UsageError(TextWriter error, string message)
    {
        string oneLine = string.Join(' ', Plain(message).ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        error.WriteLine($"tuiports: {TerminalText.Sanitize(oneLine)} (see tuiports --help)");
        return ExitCodes.Usage;
    }

    /// <summary>System.CommandLine's "as expected type 'System.Nullable`1[System.Int32]'" in words a person reads.</summary>
    private static string Plain(string message)
    {
        var typed = TypedValueError().Match(message);
        if (typed.Success)
        {
            return Wording.NotAValue(typed.Groups["option"].Value, typed.Groups["value"].Value, typed.Groups["type"].Value.Contains("Int", StringComparison.Ordinal));
        }

        return DotNetTypeName().Replace(message, "a value");
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex TypedValueError();

    [GeneratedRegex(@"'?System\.[A-Za-z0-9_.`\[\],]+'?")]
    private static partial Regex DotNetTypeName();
}
