using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Tests.Remote;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("web1")]
    [InlineData("root@db-2.example.com")]
    [InlineData("[fe80::1]")]
    [InlineData("user_x@10.0.0.7")]
    public void Plain_names_pass(string name) => Assert.True(HostNames.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData("-oProxyCommand=id")]
    [InlineData("web1;id")]
    [InlineData("a b")]
    [InlineData("h\u001b]2;x\u0007")]
    [InlineData("we\u202Eb")]
    [InlineData("héte")]
    [InlineData("$(id)")]
    public void Anything_else_is_refused_before_ssh_sees_it(string name) => Assert.False(HostNames.IsValid(name));

    [Fact]
    public void Hosts_sort_naturally()
    {
        string[] hosts = ["h10", "h2", "h1", "db", "h02", "h1a", "web10.x", "web9.x"];

        Assert.Equal(["db", "h1", "h1a", "h02", "h2", "h10", "web9.x", "web10.x"], hosts.Order(HostNames.Natural));
    }

    [Fact]
    public void Host_lines_are_cut_to_the_width_and_every_down_host_stays_named()
    {
        var now = TimeSpan.FromHours(1); // monotonic
        string long_ = "ssh: connect to host h1 port 22: Connection timed out while waiting for the banner exchange to complete";
        var hosts = Enumerable.Range(1, 8).Select(i => new HostStatus($"h{i}", i == 4 ? HostState.Live : HostState.Failed, long_)).ToList();

        var lines = StatusLines.Hosts(hosts, now, 80);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.EndsWith("…", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("h1: ssh: connect", lines[0], StringComparison.Ordinal);
        Assert.Equal("and 5 more: h3, h5, h6, h7, h8", lines[2]);
    }
}
