using TuiPorts.Core.Presentation;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("nginx", "nginx")]
    [InlineData("nginx: worker process", "nginx: worker process")]
    [InlineData("postgres ünïcødé 日本語 😀", "postgres ünïcødé 日本語 😀")]
    [InlineData("bad\uFFFDbyte", "bad\uFFFDbyte")]
    [InlineData("\u001b]52;c;aWQK\u0007", "\u241b]52;c;aWQK\u2407")] // OSC 52: clipboard write
    [InlineData("\u001b]2;", "\u241b]2;")] // unterminated OSC: would swallow later lines
    [InlineData("\u001b[2J\u001b[H", "\u241b[2J\u241b[H")] // clear screen, cursor home
    [InlineData("a\nb\rc\td", "a\u240ab\u240dc\u2409d")] // a newline must not fake a table row
    [InlineData("\0\u0001\u001f", "\u2400\u2401\u241f")]
    [InlineData("del\u007f", "del\u2421")]
    [InlineData("\u009b2J", "\\x9B2J")] // C1 CSI
    [InlineData("\u0080\u0085\u009d\u009f", "\\x80\\x85\\x9D\\x9F")]
    [InlineData("\u202edhss", "\\u202Edhss")] // right-to-left override: 'sshd' to a bidi terminal
    [InlineData("a\u2066b\u2069c\u200fd\u061ce", "a\\u2066b\\u2069c\\u200Fd\\u061Ce")]
    [InlineData("zero\u200bwidth\ufeff", "zero\\u200Bwidth\\uFEFF")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("tag\U000E0041", "tag\\U000E0041")] // a Cf character beyond the BMP
    public void Untrusted_text_becomes_visible_symbols(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Sanitize(input));

    [Fact]
    public void Lone_surrogates_are_not_text_and_become_escapes()
    {
        // built at run time: attribute arguments cannot carry lone surrogates
        Assert.Equal("lone\\uD800x", TerminalText.Sanitize("lone" + (char)0xD800 + "x"));
        Assert.Equal("end\\uDC00", TerminalText.Sanitize("end" + (char)0xDC00));
    }

    [Fact]
    public void Null_and_empty_are_empty()
    {
        Assert.Equal(string.Empty, TerminalText.Sanitize((string?)null));
        Assert.Equal(string.Empty, TerminalText.Sanitize(string.Empty));
    }

    [Fact]
    public void Safe_text_is_returned_as_is()
    {
        const string text = "sshd: root@pts/0";

        Assert.Same(text, TerminalText.Sanitize(text));
        Assert.True(TerminalText.IsSafe(text));
        Assert.False(TerminalText.IsSafe("x\u001b"));
    }

    [Fact]
    public void Lines_keep_line_feeds_but_not_carriage_returns()
    {
        Assert.Equal("ssh: connect\n\u241b[31mrefused\u240d\n", TerminalText.SanitizeLines("ssh: connect\n\u001b[31mrefused\r\n"));
    }

    [Theory]
    [InlineData("plain\n\ttext", "plain\n\ttext")]
    [InlineData("\u001b]2;x\u0007\r\n", "\u241b]2;x\u2407\u240d\n")]
    [InlineData("\u009b2J\u007f", "\\x9B2J\u2421")]
    [InlineData("{\"name\": \"\u202e\\u001B\"}", "{\"name\": \"\u202e\\u001B\"}")] // JSON passes unchanged
    public void The_stream_mask_keeps_lines_and_tabs_and_replaces_every_other_control(string input, string expected) =>
        Assert.Equal(expected, TerminalText.MaskControls(input));

    [Theory]
    [InlineData(new byte[] { 0x6e, 0x67, 0x78 }, "ngx")]
    [InlineData(new byte[] { 0xff, 0x41 }, "\\xFFA")] // never UTF-8
    [InlineData(new byte[] { 0x9b, 0x32, 0x4a }, "\\x9B2J")] // raw C1 CSI byte, as an 8-bit terminal reads it
    [InlineData(new byte[] { 0xc3 }, "\\xC3")] // a truncated sequence
    [InlineData(new byte[] { 0xc0, 0xaf }, "\\xC0\\xAF")] // an overlong '/'
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 }, "\\xED\\xA0\\x80")] // an encoded surrogate
    [InlineData(new byte[] { 0xc2, 0x9b }, "\\x9B")] // U+009B encoded properly is still C1
    [InlineData(new byte[] { 0x1b, 0x5d, 0x07 }, "\u241b]\u2407")]
    [InlineData(new byte[] { 0xe2, 0x80, 0xae, 0x78 }, "\\u202Ex")]
    [InlineData(new byte[] { 0xc3, 0xa9 }, "é")]
    public void Bytes_that_are_not_utf8_become_hex_escapes(byte[] input, string expected) =>
        Assert.Equal(expected, TerminalText.Sanitize(input));

    [Fact]
    public void Bytes_keep_line_feeds_when_asked()
    {
        Assert.Equal("a\nb\u240d", TerminalText.Sanitize("a\nb\r"u8, keepNewlines: true));
        Assert.Equal("a\u240ab", TerminalText.Sanitize("a\nb"u8));
    }

    [Fact]
    public void No_character_a_terminal_acts_on_survives_any_input()
    {
        for (int c = 0; c < 0x10000; c++)
        {
            string output = TerminalText.Sanitize("<" + (char)c + ">");
            Assert.True(HostileText.IsTerminalSafe(output), $"U+{c:X4} -> {output}");
        }
    }
}
