using System.Diagnostics;
using System.Globalization;
using TuiPorts.Cli;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

/// <summary><c>tuiports kill</c> against real loopback listeners this test starts (and kills only by pid).</summary>
public sealed class KillCommandTests
{
    private static (int Code, string Out, string Err) Run(string answer, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(answer), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static string Port(ForkedListener listener) => listener.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_top_holder_is_signalled_and_a_child_that_keeps_the_socket_is_named()
    {
        using var listener = new ForkedListener();

        var (code, output, _) = Run(string.Empty, "kill", Port(listener), "--yes", "--timeout", "1");

        Assert.Equal(1, code);
        Assert.Contains($"pid {listener.ParentPid} (perl, user root) and its 1 child hold this socket", output, StringComparison.Ordinal);
        Assert.Contains($"port {listener.Port}: still held by pid {listener.ChildPid} (perl), which inherited the socket from its parent", output, StringComparison.Ordinal);
        Assert.False(Alive(listener.ParentPid));
        Assert.True(Alive(listener.ChildPid));
    }

    [Fact]
    public void Dry_run_shows_the_plan_and_sends_nothing()
    {
        using var listener = new ForkedListener();

        var (code, output, _) = Run(string.Empty, "kill", Port(listener), "--all-holders", "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains($"dry run: would send SIGTERM to 2 processes ({listener.ParentPid}, {listener.ChildPid}); nothing sent", output, StringComparison.Ordinal);
        Assert.True(Alive(listener.ParentPid) && Alive(listener.ChildPid));
    }

    [Fact]
    public void Answering_no_sends_nothing()
    {
        using var listener = new ForkedListener();

        var (code, output, _) = Run("n\n", "kill", Port(listener), "--all-holders");

        Assert.NotEqual(0, code);
        Assert.Contains("[y/N]", output, StringComparison.Ordinal);
        Assert.Contains("cancelled: nothing sent", output, StringComparison.Ordinal);
        Assert.True(Alive(listener.ParentPid));
    }

    [Fact]
    public void All_holders_with_yes_kills_both_and_reports_each()
    {
        using var listener = new ForkedListener();

        var (code, output, _) = Run(string.Empty, "kill", Port(listener), "--all-holders", "--yes");

        Assert.Equal(0, code);
        Assert.Contains($"pid {listener.ParentPid} (perl) exited after SIGTERM", output, StringComparison.Ordinal);
        Assert.Contains($"pid {listener.ChildPid} (perl) exited after SIGTERM", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_connected_to_the_port_are_not_targets()
    {
        using var listener = new ForkedListener();
        using var client = Process.Start(new ProcessStartInfo("perl",
        [
            "-MIO::Socket::INET", "-e",
            $"my $c = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => {listener.Port}) or die $!; $| = 1; print \"connected\\n\"; sleep 30",
        ]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        Assert.Equal("connected", client.StandardOutput.ReadLine()); // the connection exists before kill looks
        try
        {
            var (code, output, _) = Run(string.Empty, "kill", Port(listener), "--all-holders", "--yes");

            Assert.Equal(0, code);
            Assert.DoesNotContain($"pid {client.Id}", output, StringComparison.Ordinal);
            Assert.False(client.HasExited);
        }
        finally
        {
            client.Kill();
        }
    }

    [Theory]
    [InlineData("kill", "70000")]
    [InlineData("kill", "9000", "--signal", "NOPE")]
    [InlineData("kill", "9000", "--timeout", "soon")]
    [InlineData("kill")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        var (code, _, error) = Run(string.Empty, args);
        Assert.Equal(2, code);
        Assert.StartsWith("tuiports: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_listener_on_the_port_is_an_error()
    {
        var (code, _, error) = Run(string.Empty, "kill", "1", "--yes");
        Assert.Equal(1, code);
        Assert.Contains("no listening socket on 1", error, StringComparison.Ordinal);
    }
}
