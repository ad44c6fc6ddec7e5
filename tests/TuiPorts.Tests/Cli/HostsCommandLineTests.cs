using TuiPorts.Cli;
using TuiPorts.Hosting;

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
    [InlineData(new[] { "--once", "--ssh", "web1;id" }, "--ssh: 'web1;id' is not a host name")]
    [InlineData(new[] { "--once", "--ssh", "w\u001b]2;x\u0007" }, "--ssh: 'w?]2;x?' is not a host name")]
    [InlineData(new[] { "--once", "--ssh", "web1,local", "--local" }, "--ssh: 'local' is this machine, which --local shows already")]
    [InlineData(new[] { "--once", "--ssh", "web1", "--ssh-jobs", "0" }, "--ssh-jobs: '0' is not a number from 1 to 1024")]
    [InlineData(new[] { "--once", "--ssh-jobs", "4" }, "--ssh-jobs needs --ssh")]
    [InlineData(new[] { "--stream", "--heartbeat", "NaN" }, "--heartbeat: 'NaN' is not a number of seconds")]
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

    [Fact]
    public void A_host_named_as_this_machine_with_local_is_a_clear_error()
    {
        var (code, _, error) = Run("--once", "--ssh", $"vm,{Environment.MachineName}", "--local");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"tuiports: --ssh: '{Environment.MachineName}' is this machine, which --local shows already", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_asks_every_host_at_the_same_time()
    {
        string dir = Directory.CreateTempSubdirectory("tuiports-jobs").FullName;
        string config = Path.Combine(dir, "ssh_config");
        try
        {
            // Each host's "connection" registers itself, waits (up to 10 s) until all 10 are there, and says how many it saw.
            File.WriteAllText(config, $"Host *\n  ProxyCommand sh -c 'touch {dir}/at-%h; for i in $(seq 100); do [ $(ls {dir} | grep -c ^at-) -ge 10 ] && break; sleep 0.1; done; echo \"ssh: saw $(ls {dir} | grep -c ^at-) at once\" >&2; exit 255'\n");
            string[] hosts = Enumerable.Range(1, 10).Select(i => $"h{i}").ToArray();

            var (code, output, _) = Run("--once", "--json", "--ssh", string.Join(',', hosts), "--ssh-config", config);

            Assert.Equal(ExitCodes.Ok, code);
            using var document = System.Text.Json.JsonDocument.Parse(output);
            var answers = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
            Assert.Equal(hosts, answers.Select(h => h.GetProperty("host").GetString())); // in the order given
            Assert.All(answers, h => Assert.Equal("ssh: saw 10 at once", h.GetProperty("error").GetString()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
