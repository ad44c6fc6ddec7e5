using System.CommandLine;
using System.CommandLine.Completions;

namespace TuiPorts.Cli;

/// <summary>What a flag's value is, as far as a shell can complete it.</summary>
public enum CompletionValue
{
    /// <summary>A flag that takes no value.</summary>
    None,

    /// <summary>Free text (a port filter, a number): nothing to offer.</summary>
    Text,

    /// <summary>One of <see cref="CompletionFlag.Choices"/>.</summary>
    Choice,

    Directory,
    File,
}

/// <summary>An option of the command tree, with every name it answers to and what its value is.</summary>
public sealed record CompletionFlag(IReadOnlyList<string> Names, string Description, CompletionValue Value, string ValueName, IReadOnlyList<string> Choices)
{
    public bool TakesValue => Value != CompletionValue.None;
}

/// <summary>A positional argument and the values it accepts (empty: free text).</summary>
public sealed record CompletionArgument(string Name, string Description, IReadOnlyList<string> Choices);

/// <summary>
/// One command of the System.CommandLine tree, reduced to what a completion script needs. Built from the tree itself,
/// so a new flag, subcommand or accepted value reaches bash and zsh without a second edit.
/// </summary>
public sealed record CompletionNode(
    IReadOnlyList<string> Path,
    string Description,
    IReadOnlyList<CompletionFlag> Flags,
    IReadOnlyList<CompletionArgument> Arguments,
    IReadOnlyList<CompletionNode> Subcommands)
{
    public string Name => Path[^1];

    /// <summary>A shell identifier for this command: <c>tuiports</c>, <c>tuiports_kill</c>.</summary>
    public string Id => string.Join('_', Path);

    public IEnumerable<CompletionNode> SelfAndDescendants() => Subcommands.SelectMany(s => s.SelfAndDescendants()).Prepend(this);

    public static CompletionNode Of(RootCommand root) => Of(root, ["tuiports"], []);

    private static CompletionNode Of(Command command, IReadOnlyList<string> path, IReadOnlyList<Option> inherited)
    {
        var options = inherited.Concat(command.Options).Where(o => !o.Hidden).Distinct().ToList();
        var passedDown = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        return new CompletionNode(
            path,
            FirstLine(command.Description),
            options.Select(FlagOf).ToList(),
            command.Arguments.Where(a => !a.Hidden).Select(a => new CompletionArgument(a.Name, FirstLine(a.Description), ChoicesOf(a.GetCompletions))).ToList(),
            command.Subcommands.Where(c => !c.Hidden).Select(c => Of(c, [.. path, c.Name], passedDown)).ToList());
    }

    private static CompletionFlag FlagOf(Option option)
    {
        var names = option.Aliases.Prepend(option.Name).Where(IsShellName).Distinct().ToList();
        if (option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0)
        {
            return new CompletionFlag(names, FirstLine(option.Description), CompletionValue.None, string.Empty, []);
        }

        string valueName = option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant();
        var choices = ChoicesOf(option.GetCompletions);
        var value = choices.Count > 0 ? CompletionValue.Choice
            : valueName is "DIR" ? CompletionValue.Directory
            : valueName is "PATH" or "FILE" ? CompletionValue.File
            : CompletionValue.Text;
        return new CompletionFlag(names, FirstLine(option.Description), value, valueName, choices);
    }

    private static List<string> ChoicesOf(Func<CompletionContext, IEnumerable<CompletionItem>> completions) =>
        completions(CompletionContext.Empty).Select(c => c.Label).Distinct().ToList();

    /// <summary>Names a shell user types: <c>--port</c>, <c>-p</c>; not Windows-style <c>/?</c> nor <c>-?</c>.</summary>
    private static bool IsShellName(string name) =>
        name.Length >= 2 && name[0] == '-' && char.IsAsciiLetterOrDigit(name.TrimStart('-').FirstOrDefault());

    private static string FirstLine(string? text) => (text ?? string.Empty).Split('\n')[0].Trim();
}
