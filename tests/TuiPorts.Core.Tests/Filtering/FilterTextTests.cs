using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Filtering;

public sealed class FilterTextTests
{
    private static readonly ServicesFile Services = ServicesFile.Parse("ssh 22/tcp\n");

    [Theory]
    [InlineData("9000", true, null)]
    [InlineData("80,443", true, null)]
    [InlineData("8000-8100", true, null)]
    [InlineData("70000", false, "port out of range")]
    [InlineData("9000-80", false, "reversed port range")]
    [InlineData("8000-", false, "incomplete port range")]
    public void Port_shaped_text_uses_the_port_grammar(string text, bool valid, string? error)
    {
        var parsed = FilterText.Parse(text, Services);
        Assert.Equal(valid, parsed.IsValid);
        Assert.Equal(valid, parsed.Ports is not null);
        if (error is not null)
        {
            Assert.Contains(error, Core.Presentation.Wording.PortFilter(parsed.Error!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Other_text_matches_names_and_a_service_name_matches_its_port_or_a_name()
    {
        var byName = FilterText.Parse("proc7", Services).ApplyTo(SocketQuery.All);
        Assert.True(byName.Matches(Listener(1, 1, 7)));
        Assert.False(byName.Matches(Listener(1, 1, 8)));

        var ssh = FilterText.Parse("ssh", Services).ApplyTo(SocketQuery.All);
        Assert.True(ssh.Matches(Listener(22, 1, 8)));
        Assert.False(ssh.Matches(Listener(23, 1, 8)));
    }

    [Fact]
    public void Port_0_does_not_match_listeners_through_their_empty_peer()
    {
        var zero = FilterText.Parse("0", Services).ApplyTo(SocketQuery.All);
        Assert.False(zero.Matches(Listener(9000, 1, 7)));
    }

    [Fact]
    public void Empty_text_matches_everything()
    {
        Assert.True(FilterText.Parse("  ", Services).ApplyTo(SocketQuery.All).Matches(Listener(1, 1)));
    }
}
