using TuiPorts.Cli;

namespace TuiPorts.Tests.Cli;

/// <summary>The several-host options on the command line: what goes together and what does not.</summary>
public sealed class HostsCommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(new[] { "--once", "--local" }, "--local needs --ssh")]
    [InlineData(new[] { "--once", "--remote-command", "/opt/tuiports" }, "--remote-command needs --ssh")]
    [InlineData(new[] { "--once", "--ssh-config", "/etc/ssh/ssh_config" }, "--ssh-config needs --ssh")]
    [InlineData(new[] { "--once", "--ssh", "web1,,db1" }, "--ssh: '' is not a host name")]
    [InlineData(new[] { "--once", "--ssh", "-oProxyCommand=sh" }, "--ssh: '-oProxyCommand=sh' is not a host name")]
    [InlineData(new[] { "--once", "--ssh", "web1", "--ssh-config", "/nonexistent/ssh_config" }, "--ssh-config: no such file: /nonexistent/ssh_config")]
    [InlineData(new[] { "--stream", "--ssh", "web1" }, "--stream reads this machine only")]
    [InlineData(new[] { "--stream", "--once" }, "--stream and --once are two modes: give one")]
    [InlineData(new[] { "--stream", "--interval", "0.01" }, "--interval: '0.01' is not a number of seconds")]
    public void Options_that_do_not_go_together_are_usage_errors(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"tuiports: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flag_repeats_and_names_are_taken_once_in_order()
    {
        string config = Path.GetTempFileName();
        try
        {
            // An ssh_config whose every host is unreachable at once: ProxyCommand fails without touching the network.
            File.WriteAllText(config, "Host *\n  ProxyCommand sh -c 'echo \"ssh: connect to host %h port 22: Connection refused\" >&2; exit 255'\n");

            var (code, output, _) = Run("--once", "--json", "--ssh", "web2,web1", "--ssh", "web1,db1", "--ssh-config", config);

            Assert.Equal(ExitCodes.Ok, code);
            using var document = System.Text.Json.JsonDocument.Parse(output);
            var hosts = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
            Assert.Equal(["web2", "web1", "db1"], hosts.Select(h => h.GetProperty("host").GetString()));
            Assert.All(hosts, h => Assert.False(h.TryGetProperty("snapshot", out _)));
            Assert.Equal("ssh: connect to host db1 port 22: Connection refused", hosts[2].GetProperty("error").GetString());
        }
        finally
        {
            File.Delete(config);
        }
    }
}
