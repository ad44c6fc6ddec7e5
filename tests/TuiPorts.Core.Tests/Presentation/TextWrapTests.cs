using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class TextWrapTests
{
    [Fact]
    public void Lines_break_between_words_and_continuations_are_indented()
    {
        var lines = TextWrap.Lines("pid 498 (nginx: master) and its 2 children hold this socket", 24, "  ").ToList();

        Assert.Equal(["pid 498 (nginx: master)", "  and its 2 children", "  hold this socket"], lines);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_and_nothing_is_lost()
    {
        var lines = TextWrap.Lines("/very/long/path/without/spaces tail", 10).ToList();

        Assert.All(lines, l => Assert.True(l.Length <= 10, l));
        Assert.Equal("/very/long/path/without/spacestail", string.Concat(lines));
    }

    [Fact]
    public void Short_text_is_one_line() => Assert.Equal(["short"], TextWrap.Lines("short", 40));
}
