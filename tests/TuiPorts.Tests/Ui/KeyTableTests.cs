using Terminal.Gui.Input;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;

namespace TuiPorts.Tests.Ui;

public sealed class KeyTableTests
{
    [Fact]
    public void Docs_keys_md_lists_exactly_the_key_table()
    {
        string doc = RepoFiles.Read("docs/keys.md").ReplaceLineEndings("\n");
        string table = KeyTable.Default.MarkdownTable();

        Assert.True(doc.Contains(table, StringComparison.Ordinal), $"docs/keys.md must contain this table (generated from KeyTable):\n{table}");
    }

    [Fact]
    public void The_help_text_has_one_line_per_entry()
    {
        string[] lines = KeyTable.Default.HelpText().Split('\n');

        Assert.Equal(KeyTable.Default.Entries.Count, lines.Length);
        Assert.All(KeyTable.Default.Entries, e => Assert.Contains(lines, l => l.Contains(e.Help, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData('K', UiCommand.Kill)]
    [InlineData('q', UiCommand.Quit)]
    [InlineData('>', UiCommand.SortNext)]
    [InlineData('?', UiCommand.Help)]
    [InlineData('l', UiCommand.ListeningOnly)]
    [InlineData('I', UiCommand.InvertSort)]
    [InlineData(' ', UiCommand.Pause)]
    public void Typed_characters_find_their_command(char c, UiCommand expected) =>
        Assert.Equal(expected, KeyTable.Default.Find(new Key(c))?.Command);

    [Fact]
    public void Filter_characters_are_not_bound_to_commands() =>
        Assert.All("0123456789,-", c => Assert.Null(KeyTable.Default.Find(new Key(c))));

    [Fact]
    public void Killing_keys_are_the_ones_disabled_in_read_only_mode() =>
        Assert.Equal(
            [UiCommand.Kill, UiCommand.SignalMenu, UiCommand.CloseConnection],
            KeyTable.Default.Entries.Where(e => !e.InReadOnly).Select(e => e.Command));
}
