using TuiPorts.Cli;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// <c>tuiports kill PORT</c> frees ports, not just pids: against real pre-fork, leaking, supervised and stubborn
/// servers this test starts on loopback (and kills only by pid).
/// </summary>
[Trait("Category", "RealKill")]
public sealed class KillPortFateTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_pre_fork_server_is_stopped_through_its_master_and_the_port_is_freed_20_times_in_a_row()
    {
        for (int round = 0; round < 20; round++)
        {
            using var server = new PerlServer(PerlServer.PreFork);

            var (code, output, error) = Run("kill", server.PortText, "--yes");

            Assert.True(code == 0, $"round {round}: exit {code}\n{output}{error}");
            Assert.Contains($"pid {server.Pid} (perl, user root) and its 3 children hold this socket; stopping {server.Pid} stops them and frees the port", output, StringComparison.Ordinal);
            Assert.Contains($"port {server.Port}: freed", output, StringComparison.Ordinal);
            Assert.False(PerlServer.Listening(server.Port));
        }
    }

    [Fact]
    public void All_holders_of_a_pre_fork_server_is_not_a_failure_when_workers_die_with_their_master()
    {
        for (int round = 0; round < 5; round++)
        {
            using var server = new PerlServer(PerlServer.PreFork);

            var (code, output, error) = Run("kill", server.PortText, "--all-holders", "--yes");

            Assert.True(code == 0, $"round {round}: exit {code}\n{output}{error}");
            Assert.Contains($"port {server.Port}: freed", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_leaked_child_that_keeps_the_socket_is_named_and_the_exit_code_says_the_port_is_held()
    {
        using var server = new PerlServer(PerlServer.LeakedChild);
        int child = server.OtherPids[0];

        var (code, output, _) = Run("kill", server.PortText, "--yes", "--timeout", "1");

        Assert.Equal(1, code);
        Assert.Contains($"port {server.Port}: still held by pid {child} (perl), which inherited the socket from its parent pid {server.Pid}", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Alive(child));
    }

    [Fact]
    public void A_supervisor_that_binds_the_port_again_is_reported_as_taken_again_with_the_new_pid_and_its_parent()
    {
        using var server = new PerlServer(PerlServer.Supervisor);
        int first = server.OtherPids[0];

        var (code, output, _) = Run("kill", server.PortText, "--yes", "--timeout", "3");

        Assert.Equal(1, code);
        Assert.Matches($@"port {server.Port}: taken again by pid (\d+), restarted by pid {server.Pid} \(perl\): stop pid {server.Pid} first, or it starts it again", output);
        Assert.DoesNotContain($"taken again by pid {first},", output, StringComparison.Ordinal);
        Assert.DoesNotContain("freed", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Listening(server.Port));
    }

    [Fact]
    public void A_process_ignoring_sigterm_is_left_running_until_kill_after_asks_for_sigkill()
    {
        using var server = new PerlServer(PerlServer.IgnoresTerm);

        var (code, output, _) = Run("kill", server.PortText, "--yes", "--timeout", "1");

        Assert.Equal(1, code);
        Assert.True(output.Contains("it ignores SIGTERM (its SigIgn mask): SIGTERM will not stop it; SIGINT will end it", StringComparison.Ordinal), output);
        Assert.Contains($"port {server.Port}: still held by pid {server.Pid} (perl), still running 1 s after SIGTERM — it ignores SIGTERM", output, StringComparison.Ordinal);
        Assert.Contains("rerun with --signal INT", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Alive(server.Pid));

        var (again, killed, _) = Run("kill", server.PortText, "--yes", "--kill-after", "1");

        Assert.Equal(0, again);
        Assert.Contains($"pid {server.Pid} (perl) exited after SIGKILL", killed, StringComparison.Ordinal);
        Assert.Contains($"port {server.Port}: freed", killed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ancestor_of_tuiports_holding_the_port_is_refused_without_force()
    {
        // this test process runs the real binary, so it is that tuiports' ancestor
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        string port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = CliProcess.Run(["kill", port, "--yes"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"is an ancestor of tuiports", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--force", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing sent: every target was refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_signal_is_delivered_without_watching_the_port_and_counts_as_done()
    {
        // a server that takes HUP as "reload" and keeps serving (and exits by itself after a minute)
        using var server = new PerlServer(PerlServer.IgnoresTerm
            .Replace("$SIG{TERM} = 'IGNORE';", "$SIG{TERM} = 'IGNORE'; $SIG{HUP} = sub { };", StringComparison.Ordinal)
            .Replace("sleep 60;", "my $end = time + 60; sleep 1 while time < $end;", StringComparison.Ordinal));

        var (code, output, _) = Run("kill", server.PortText, "--signal", "HUP", "--yes");

        Assert.Equal(0, code);
        Assert.Contains($"sent SIGHUP to pid {server.Pid} (perl)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("stops them and frees the port", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Listening(server.Port));
    }
}
