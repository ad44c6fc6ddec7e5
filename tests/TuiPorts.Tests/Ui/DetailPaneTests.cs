using TuiPorts.Ui;

namespace TuiPorts.Tests.Ui;

public sealed class DetailPaneTests
{
    [Fact]
    public void Long_lines_wrap_into_indented_continuations_and_lose_nothing()
    {
        string line = "pid 32745 (nginx: master) and its 2 children hold this socket; stopping 32745 stops them and frees the port";

        var wrapped = DetailPane.Wrap([line, "short"], 40);

        Assert.All(wrapped, l => Assert.True(l.Length <= 40, l));
        Assert.Equal(line, string.Join(' ', wrapped.Take(wrapped.Count - 1).Select(l => l.Trim())));
        Assert.DoesNotContain(wrapped, l => l.EndsWith("stoppi", StringComparison.Ordinal)); // words are not cut
        Assert.Equal("short", wrapped[^1]);
    }

    [Fact]
    public void The_help_fits_an_80_column_screen()
    {
        string help = KeyTable.Default.HelpText(72);

        Assert.All(help.Split('\n'), l => Assert.True(l.TrimEnd().Length <= 72, l));
        Assert.Contains("TERM+KILL", help, StringComparison.Ordinal);
    }
}
