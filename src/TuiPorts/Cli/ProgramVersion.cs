using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports --version</c>: prints <c>tuiports 1.0.0</c>, the version set once in Directory.Build.props, and exits 0.
/// </summary>
public static class ProgramVersion
{
    public static string Number { get; } =
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProgramVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public static string Text => $"tuiports {Number}";

    /// <summary>Makes the root command's built-in <c>--version</c> print <see cref="Text"/>.</summary>
    public static void UseFor(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion();
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            return ExitCodes.Ok;
        }
    }
}
