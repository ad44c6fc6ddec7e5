using System.CommandLine;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports completion bash|zsh</c>: prints a completion script generated from this very command tree, so every
/// subcommand, flag, signal name and <c>--proto</c> value completes on Tab without a second edit.
/// </summary>
public sealed class CompletionCommand
{
    private readonly Argument<string> _shell = new("SHELL") { Description = "The shell to print the completion script for: bash or zsh." };

    public Command Build(TextWriter output)
    {
        _shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print the bash or zsh completion script (the .deb installs both).") { _shell };
        command.SetAction(result =>
        {
            var tree = CompletionNode.Of((RootCommand)result.RootCommandResult.Command);
            output.Write(result.GetValue(_shell) == "zsh" ? ZshCompletionScript.Render(tree) : BashCompletionScript.Render(tree));
            return ExitCodes.Ok;
        });
        return command;
    }
}
