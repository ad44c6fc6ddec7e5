
namespace TuiPorts.Cli;

/// <summary>The command line's y/N question: default no; a closed stdin is no answer.</summary>
public static class Prompt
{
    /// <summary>True for y/yes, false for anything else, null when stdin is closed.</summary>
    public static bool? Confirm(string what, TextReader input, TextWriter output)
    {
        output.Write(Core.Presentation.TerminalText.Sanitize($"{char.ToUpperInvariant(what[0])}{what[1..]}? [y/N] "));
        output.Flush();
        string? answer = input.ReadLine();
        if (!Hosting.TerminalFacts.StdinIsTerminal)
        {
            output.WriteLine(Core.Presentation.TerminalText.Sanitize(answer ?? string.Empty)); // a piped answer is not echoed by a terminal: end the prompt's line
        }

        return answer is null ? null : answer.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
