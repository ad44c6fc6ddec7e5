using System.Text.RegularExpressions;
using TuiPorts.Cli;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using TuiPorts.Hosting;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// The man page's source, docs/tuiports.1.md (packaging/build-deb.sh turns it into roff), keeps up with the program:
/// a flag added to any --help, a new command, exit code or key fails here until the page documents it.
/// </summary>
public sealed partial class ManPageTests
{
    private static readonly string ManPage = RepoFiles.Read("docs/tuiports.1.md");

    [Fact]
    public void Every_option_in_the_help_of_tuiports_and_of_each_command_is_in_the_man_page()
    {
        var options = HelpTexts().SelectMany(OptionNames).Distinct().ToList();

        Assert.Contains("--port", options);
        Assert.Contains("--signal", options);
        AssertNoneMissing(options.Where(option => !ManPage.Contains($"**{option}**", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_command_in_the_help_has_its_own_section_under_COMMANDS()
    {
        var commands = Subcommands(Help());

        Assert.Equal(["kill", "close", "bench", "soak", "completion"], commands);
        AssertNoneMissing(commands.Where(command => !Regex.IsMatch(Section("COMMANDS"), $@"^## {command}\b", RegexOptions.Multiline)));
    }

    [Fact]
    public void Every_exit_status_is_explained()
    {
        string exitStatus = Section("EXIT STATUS");

        foreach (int code in new[] { ExitCodes.Ok, ExitCodes.Failure, ExitCodes.Usage })
        {
            Assert.Contains($"**{code}**", exitStatus, StringComparison.Ordinal);
        }

        Assert.Contains("**128+N**", exitStatus, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_of_the_help_screen_is_under_KEYS()
    {
        var keys = KeyTable.Default.Entries.SelectMany(entry => entry.Keys.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).Where(k => KeyName().IsMatch(k)).ToList();

        Assert.Contains("F9", keys);
        AssertNoneMissing(keys.Where(key => !Section("KEYS").Contains($"**{key}**", StringComparison.Ordinal)));
    }

    [Fact]
    public void It_has_the_sections_a_man_page_reader_expects()
    {
        foreach (string section in new[] { "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "KEYS", "EXIT STATUS", "FILES", "EXAMPLES", "SEE ALSO" })
        {
            Assert.Matches($"(?m)^# {section}$", ManPage);
        }

        Assert.Contains("**ss**(8), **lsof**(8)", Section("SEE ALSO"), StringComparison.Ordinal);
    }

    private static void AssertNoneMissing(IEnumerable<string> missing)
    {
        var list = missing.ToList();
        Assert.True(list.Count == 0, $"docs/tuiports.1.md does not document: {string.Join(", ", list)}");
    }

    private static string Help(params string[] command)
    {
        var output = new StringWriter();
        Assert.Equal(ExitCodes.Ok, CommandLineInterface.Run([.. command, "--help"], output, new StringWriter()));
        return output.ToString();
    }

    private static IEnumerable<string> HelpTexts()
    {
        string root = Help();
        return Subcommands(root).Select(command => Help(command)).Prepend(root);
    }

    /// <summary>The first word of each line under "Commands:".</summary>
    private static List<string> Subcommands(string help) =>
        Block(help, "Commands:").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToList();

    /// <summary>Every name in the left column under "Options:": <c>-p, --port &lt;PORTS&gt;</c> gives -p and --port.</summary>
    private static IEnumerable<string> OptionNames(string help) =>
        Block(help, "Options:").SelectMany(line => OptionName().Matches(line.Trim().Split("  ")[0]).Select(m => m.Value));

    private static IEnumerable<string> Block(string help, string heading) =>
        help.Split('\n').SkipWhile(line => line.Trim() != heading).Skip(1).TakeWhile(line => line.Trim().Length > 0);

    private static string Section(string name)
    {
        int start = ManPage.IndexOf($"\n# {name}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {name}");
        int end = ManPage.IndexOf("\n# ", start + 1, StringComparison.Ordinal);
        return end < 0 ? ManPage[start..] : ManPage[start..end];
    }

    [GeneratedRegex(@"(?<![\w-])--?[\w?][\w-]*")]
    private static partial Regex OptionName();

    /// <summary>Keys as the help screen names them: F9, Ctrl+Z, Tab, K, ?, / (not the words around them).</summary>
    [GeneratedRegex(@"^(F\d+|Ctrl\+\w|Tab|Space|Esc|Enter|Backspace|Up|Down|PgUp|PgDn|Home|End|[A-Za-z/?<>])$")]
    private static partial Regex KeyName();
}
