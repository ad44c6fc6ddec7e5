using System.Diagnostics;
using TuiPorts.Core.Remote;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>
/// tuiports' own keep-alive (ServerAliveInterval 2 x CountMax 2: a dead link ends in ~4-6 s) is passed only to hosts
/// whose ssh configuration sets none: where the user's config sets one, theirs wins. Asked of the real ssh (<c>ssh -G</c>).
/// </summary>
public sealed class SshConfigProbeTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"tuiports-ssh-config-{Guid.NewGuid():N}");

    public SshConfigProbeTests() => File.WriteAllText(_config, """
        Host patient
          ServerAliveInterval 15
          ServerAliveCountMax 4

        Host *
          HostName 127.0.0.1
          Port 1
        """);

    public void Dispose() => File.Delete(_config);

    /// <summary>What the real ssh would use with tuiports' command line for <paramref name="host"/>: its -G settings.</summary>
    private static Dictionary<string, string> Effective(IReadOnlyList<string> arguments)
    {
        int hostAt = arguments.ToList().IndexOf("--") - 1;
        var start = new ProcessStartInfo("ssh") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string argument in arguments.Take(hostAt))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-G");
        start.ArgumentList.Add(arguments[hostAt]);
        using var ssh = Process.Start(start)!;
        string output = ssh.StandardOutput.ReadToEnd();
        ssh.WaitForExit();
        Assert.Equal(0, ssh.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }

    [Theory]
    [InlineData("serveraliveinterval 15", true)]
    [InlineData("serveraliveinterval 0", false)]
    [InlineData("serveralivecountmax 3", false)]
    [InlineData("", false)]
    public void Only_a_non_zero_interval_counts_as_set(string line, bool set) =>
        Assert.Equal(set, SshConfigProbe.SetsServerAlive(["user root", line, "port 22"]));

    [Fact]
    public void The_users_keep_alive_wins_where_their_config_sets_one()
    {
        var ssh = new SshCommand(ConfigFile: _config) { Probe = new SshConfigProbe(configFile: _config) };

        var theirs = Effective(ssh.For("patient", ["--stream"]));
        var ours = Effective(ssh.For("web1", ["--stream"]));

        Assert.Equal(("15", "4"), (theirs["serveraliveinterval"], theirs["serveralivecountmax"]));
        Assert.Equal(("2", "2"), (ours["serveraliveinterval"], ours["serveralivecountmax"]));
    }

    [Fact]
    public void A_probe_that_cannot_run_counts_as_not_set_so_our_keep_alive_is_used()
    {
        var ssh = new SshCommand() { Probe = new SshConfigProbe(ssh: "/nonexistent/ssh") };

        var arguments = ssh.For("web1", ["--stream"]);

        Assert.Contains("ServerAliveInterval=2", arguments);
        Assert.Contains("ServerAliveCountMax=2", arguments);
    }
}
