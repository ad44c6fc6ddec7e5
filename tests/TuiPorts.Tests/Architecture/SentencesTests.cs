using System.Text.RegularExpressions;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Architecture;

/// <summary>
/// The engine's sentences live in Core/Presentation/Wording/: a string literal of three or more words anywhere else in
/// Core is a sentence built outside its home. (Exception messages are for developers and are left alone; the
/// executable's option descriptions are System.CommandLine's help text.)
/// </summary>
public sealed class SentencesTests
{
    /// <summary>Three lowercase words in a row inside a string literal, interpolated or not.</summary>
    private static readonly Regex Sentence = new("\\$?\"[^\"]*\\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\\b[^\"]*\"", RegexOptions.CultureInvariant);

    /// <summary>Places allowed to hold words that are not sentences to a person.</summary>
    private static readonly string[] Allowed =
    [
        "Scanning/RefreshStages.cs", // stage names of `tuiports bench` ("wait for dump"): labels in a benchmark's table
        "Killing/DaemonStops.cs", // the daemon table: what each daemon's own signals do, kept beside the signals as data
    ];

    [Fact]
    public void No_sentence_is_built_in_Core_outside_the_Wording_folder()
    {
        string core = Path.Combine(RepoFiles.Root, "src", "TuiPorts.Core");
        var found = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(Path.Combine("Presentation", "Wording"), StringComparison.Ordinal)
                && !Allowed.Any(a => f.EndsWith(a, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line: line.Trim(), number: i + 1)))
            .Where(l => !l.line.StartsWith("//", StringComparison.Ordinal) && !l.line.Contains("Exception(", StringComparison.Ordinal))
            .Where(l => Sentence.IsMatch(CodeOf(l.line)))
            .Select(l => $"{Path.GetRelativePath(core, l.f)}:{l.number}: {l.line}")
            .ToList();

        Assert.True(Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories).Count() > 50, "Core's sources were not found");
        Assert.Empty(found);
    }

    /// <summary>The line without a trailing <c>// comment</c>.</summary>
    private static string CodeOf(string line)
    {
        int comment = line.IndexOf(" // ", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }
}
