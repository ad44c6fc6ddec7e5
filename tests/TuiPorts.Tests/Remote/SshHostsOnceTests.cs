using System.Text.Json;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Remote;

/// <summary>
/// <c>tuiports --once --ssh</c> through real OpenSSH: two sshd "hosts" this test starts on loopback, a listener for
/// each, and an unreachable third host.
/// </summary>
[Trait("Category", "Ssh")]
public sealed class SshHostsOnceTests : IDisposable
{
    private readonly PerlServer _listenerA = new(PerlServer.Plain);
    private readonly PerlServer _listenerB = new(PerlServer.Plain);
    private readonly SshHosts _hosts;

    public SshHostsOnceTests() => _hosts = new SshHosts(_listenerA.Port, _listenerB.Port);

    public void Dispose()
    {
        _hosts.Dispose();
        _listenerA.Dispose();
        _listenerB.Dispose();
    }

    private CliProcess.Result Run(params string[] args) =>
        CliProcess.Run([.. args, "--ssh-config", _hosts.ConfigFile, "--remote-command", _hosts.RemoteCommand]);

    [Fact]
    public void Once_json_lists_each_hosts_sockets_and_the_unreachable_hosts_error_in_one_document()
    {
        var result = Run("--once", "--json", "--ssh", "hosta,hostb,hostc");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var hosts = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal(["hosta", "hostb", "hostc"], hosts.Select(h => h.GetProperty("host").GetString()));
        Assert.Equal([_listenerA.Port], Ports(hosts[0]));
        Assert.Equal([_listenerB.Port], Ports(hosts[1]));
        Assert.Equal(_listenerB.Pid, hosts[1].GetProperty("snapshot").GetProperty("sockets")[0].GetProperty("owners")[0].GetProperty("pid").GetInt32());
        Assert.False(hosts[2].TryGetProperty("snapshot", out _));
        Assert.Equal($"ssh: connect to host 127.0.0.1 port {_hosts.ClosedPort}: Connection refused", hosts[2].GetProperty("error").GetString());
    }

    [Fact]
    public void A_filter_on_the_command_line_is_applied_on_every_host()
    {
        var result = Run("--once", "--json", "--ssh", "hosta,hostb", "--port", _listenerB.PortText);

        using var document = JsonDocument.Parse(result.Stdout);
        var hosts = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal([_listenerB.Port], Ports(hosts[0])); // hosta is this machine too: it sees B's listener, and only it
        Assert.Equal([_listenerB.Port], Ports(hosts[1]));
    }

    [Fact]
    public void Once_as_a_table_has_a_host_column_and_reports_the_unreachable_host_on_stderr()
    {
        var result = Run("--once", "--ssh", "hosta,hostb,hostc", "--listening");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.StartsWith("HOST   Proto", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("hosta ", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{_listenerA.Port}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("hostb ", StringComparison.Ordinal) && l.Contains($"{_listenerB.Pid}/perl", StringComparison.Ordinal));
        Assert.Contains($"tuiports: hostc: ssh: connect to host 127.0.0.1 port {_hosts.ClosedPort}: Connection refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_tuiports_says_so()
    {
        var result = CliProcess.Run(["--once", "--json", "--ssh", "hosta", "--ssh-config", _hosts.ConfigFile, "--remote-command", "/nonexistent/tuiports"]);

        using var document = JsonDocument.Parse(result.Stdout);
        string error = document.RootElement.GetProperty("hosts")[0].GetProperty("error").GetString()!;
        Assert.StartsWith("bash: line 1: /nonexistent/tuiports: No such file or directory", error, StringComparison.Ordinal);
        Assert.EndsWith("(is tuiports installed there? see --remote-command)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_answers_with_something_else_is_marked_and_the_others_still_answer()
    {
        string greeting = Path.Combine(_hosts.Directory, "greeting");
        File.WriteAllText(greeting, $"#!/bin/sh\ncase \"$TUIPORTS_TEST_HOST\" in hostb) echo 'Welcome to hostb!' ;; *) exec {_hosts.RemoteCommand} \"$@\" ;; esac\n");
        File.SetUnixFileMode(greeting, (UnixFileMode)0b111_101_101);

        var result = CliProcess.Run(["--once", "--json", "--ssh", "hosta,hostb", "--ssh-config", _hosts.ConfigFile, "--remote-command", greeting]);

        using var document = JsonDocument.Parse(result.Stdout);
        var hosts = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal([_listenerA.Port], Ports(hosts[0]));
        Assert.StartsWith("sent something that is not tuiports' output (not JSON:", hosts[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("\"Welcome to hostb!\"", hosts[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static List<int> Ports(JsonElement host) =>
        host.GetProperty("snapshot").GetProperty("sockets").EnumerateArray().Select(s => s.GetProperty("localPort").GetInt32()).ToList();
}
