using System.Text.RegularExpressions;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Architecture;

/// <summary>
/// The executable's folders: Cli (commands) and Ui (the full-screen view) both use Hosting (streams, terminal facts,
/// settings) and never each other; Program, the composition root, hands the CLI the UI as a <c>LiveView</c>.
/// </summary>
public sealed class ExecutableLayersTests
{
    [Theory]
    [InlineData("Cli", "Ui")]
    [InlineData("Ui", "Cli")]
    [InlineData("Hosting", "Cli")]
    [InlineData("Hosting", "Ui")]
    public void A_folder_never_names_the_other(string folder, string forbidden)
    {
        string directory = Path.Combine(RepoFiles.Root, "src", "TuiPorts", folder);
        var offending = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => Reference(forbidden).IsMatch(l.line) && !l.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Any(), $"no sources in {directory}");
        Assert.Empty(offending);
    }

    /// <summary><c>using TuiPorts.Ui;</c>, <c>TuiPorts.Ui.X</c> or a qualified <c>Ui.X</c> (not <c>Terminal.Gui.X</c>).</summary>
    private static Regex Reference(string folder) => new($@"TuiPorts\.{folder}\b|(?<![\w.]){folder}\.[A-Z]", RegexOptions.CultureInvariant);
}
