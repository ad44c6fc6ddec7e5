using System.CommandLine;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Cli;

/// <summary>
/// The command line: <c>tuiports</c> (live UI), <c>tuiports --once [--json]</c>, and sub-commands. Parse errors and
/// bad filters are one line on stderr and exit code 2.
/// </summary>
public static class CommandLineInterface
{
    /// <summary>
    /// Console.In is opened only when a prompt actually reads it: touching it initialises .NET's terminal handling,
    /// which writes control sequences (keypad mode) to a tty - <c>--once</c> must print plain text only.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, new LazyReader(() => Console.In), output, error);

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var query = new QueryOptions();
        var once = new Option<bool>("--once") { Description = "Print one snapshot as a table and exit (no UI)." };
        var json = new Option<bool>("--json") { Description = "With --once: print one JSON document instead (see docs/json-schema.md)." };
        var pretty = new Option<bool>("--pretty") { Description = "With --json: indent the document (the default on a terminal; compact when piped)." };
        var ui = new UiOptions();

        var root = new RootCommand(
            "tuiports: a live, htop-style view of every TCP/UDP socket and every process holding it.\n"
            + "Without --once it opens the full-screen UI: type a port to filter, K to kill the highlighted holder.")
        {
            once,
            json,
            pretty,
        };
        query.AddTo(root);
        ui.AddTo(root);
        root.Subcommands.Add(new KillCommand().Build(query, input, output, error));
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

            if (result.GetValue(json) && !result.GetValue(once))
            {
                return UsageError(error, "--json needs --once (the live UI has no JSON mode)");
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

            return result.GetValue(once)
                ? OnceCommand.Run(procRoot, socketQuery, result.GetValue(json), output, error, result.GetValue(pretty))
                : Ui.UiLauncher.Run(procRoot, socketQuery, settings, error);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return UsageError(error, parsed.Errors[0].Message);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return parsed.Invoke(configuration);
    }

    public static int UsageError(TextWriter error, string message)
    {
        string oneLine = string.Join(' ', message.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        error.WriteLine($"tuiports: {oneLine} (see tuiports --help)");
        return ExitCodes.Usage;
    }

    private sealed class LazyReader(Func<TextReader> open) : TextReader
    {
        private TextReader? _reader;

        public override string? ReadLine() => (_reader ??= open()).ReadLine();

        public override int Read() => (_reader ??= open()).Read();

        public override int Peek() => (_reader ??= open()).Peek();
    }
}
