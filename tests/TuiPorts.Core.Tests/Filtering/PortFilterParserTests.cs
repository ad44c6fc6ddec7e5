using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Filtering;

public sealed class PortFilterParserTests
{
    private static readonly ServicesFile Services = ServicesFile.Parse("ssh 22/tcp\nhttp 80/tcp www\nhttps 443/tcp\n");

    [Theory]
    [InlineData("9000", "9000")]
    [InlineData("80,443", "80,443")]
    [InlineData("8000-8100", "8000-8100")]
    [InlineData(" 80 , 443 ", "80,443")]
    [InlineData("ssh", "22")]
    [InlineData("www,8080", "80,8080")]
    [InlineData("0", "0")]
    [InlineData("65535", "65535")]
    [InlineData("80,", "80")]
    [InlineData("1-65535", "1-65535")]
    public void Parses_the_grammar(string text, string ranges)
    {
        var result = PortFilterParser.Parse(text, Services);
        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(ranges, result.Filter!.ToString());
    }

    [Theory]
    [InlineData("70000", "port out of range: 70000")]
    [InlineData("9000-80", "reversed port range: 9000-80")]
    [InlineData("nosuch", "unknown port or service name: nosuch")]
    [InlineData("", "empty port filter")]
    [InlineData(",", "no port")]
    [InlineData("8000-", "incomplete port range")]
    [InlineData("99999999999999999999", "port out of range")]
    [InlineData("80-abc", "not a port number: abc")]
    [InlineData("-5", "unknown port or service name: -5")]
    public void Explains_bad_input_in_one_line(string text, string message)
    {
        var result = PortFilterParser.Parse(text, Services);
        Assert.False(result.IsValid);
        Assert.Contains(message, Core.Presentation.Wording.PortFilter(result.Error!), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', Core.Presentation.Wording.PortFilter(result.Error!));
    }

    [Fact]
    public void Says_when_etc_services_is_missing()
    {
        var result = PortFilterParser.Parse("ssh", ServicesFile.Empty);
        Assert.Contains("/etc/services is missing", Core.Presentation.Wording.PortFilter(result.Error!), StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_ports_in_ranges_and_lists()
    {
        var filter = PortFilterParser.Parse("80,8000-8100", Services).Filter!;
        Assert.True(filter.Matches(80));
        Assert.True(filter.Matches(8000));
        Assert.True(filter.Matches(8100));
        Assert.False(filter.Matches(8101));
        Assert.False(filter.Matches(443));
    }
}
