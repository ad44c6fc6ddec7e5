using System.Text.RegularExpressions;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Architecture;

/// <summary>
/// Core's folders are layers, each using only those below it: the data flows up from /proc and netlink through the
/// engine to the screen and the wire, and no folder needs one above it. A folder names another by a <c>using</c>
/// directive or a qualified name (namespaces are folders; doc comments don't count).
/// </summary>
public sealed class CoreLayersTests
{
    /// <summary>Bottom to top.</summary>
    private static readonly string[] Layers =
        ["Interop", "Model", "ProcFs", "Filtering", "Netlink", "Scanning", "Killing", "Live", "Presentation", "Wire", "Remote"];

    private static readonly Regex Named = new(
        $@"TuiPorts\.Core\.(?<f>{string.Join('|', Layers)})\b|(?<![\w.])(?:Core\.)?(?<f>{string.Join('|', Layers)})\.[A-Z]",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Every_folder_of_Core_is_a_layer_of_the_list()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(RepoFiles.Root, "src", "TuiPorts.Core"))
            .Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order();

        Assert.Equal(Layers.Order(), folders);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_layers_below_it(string folder)
    {
        int level = Array.IndexOf(Layers, folder);
        string directory = Path.Combine(RepoFiles.Root, "src", "TuiPorts.Core", folder);
        var upward = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(l => Named.Matches(l.line).Select(m => (l, target: m.Groups["f"].Value)))
            .Where(x => Array.IndexOf(Layers, x.target) > level)
            .Select(x => $"{Path.GetFileName(x.l.file)}:{x.l.number} names {x.target}: {x.l.line.Trim()}")
            .ToList();

        Assert.Empty(upward);
    }

    public static TheoryData<string> Folders() => new(Layers);
}
