using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TuiPorts.Cli;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// The kill plan's facts against real processes this test starts on loopback (and kills only by pid): a HUP to a
/// process without a handler, a shell loop that restarts its server after 2 s, a listener in its own network namespace.
/// </summary>
[Trait("Category", "RealKill")]
public sealed class KillPlanRealTests
{
    private const string Listen =
        "use IO::Socket::INET; my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => '127.0.0.1', LocalPort => $ARGV[0], ReuseAddr => 1) or die \"listen: $!\"; $| = 1; print \"up\\n\"; sleep 60;";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static bool WaitUntil(Func<bool> condition, int seconds = 10)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }

    [Fact]
    public void A_hup_to_a_process_without_a_handler_is_a_stop_and_its_port_is_watched()
    {
        using var server = new PerlServer(PerlServer.Plain);

        var (code, output, error) = Run("kill", server.PortText, "--signal", "HUP", "--yes");

        Assert.True(code == 0, output + error);
        Assert.True(output.Contains("it has no handler for SIGHUP: the signal ends it", StringComparison.Ordinal), output);
        Assert.Contains($"port {server.Port}: freed", output, StringComparison.Ordinal);
        Assert.False(PerlServer.Alive(server.Pid));
    }

    [Fact]
    public void A_shell_loop_that_restarts_its_server_after_two_seconds_is_never_reported_freed()
    {
        int port = FreePort();
        string text = port.ToString(CultureInfo.InvariantCulture);
        using var loop = Process.Start(new ProcessStartInfo("bash",
            ["-c", $"while true; do perl -e '{Listen.Replace("'", "'\\''", StringComparison.Ordinal)}' {text}; sleep 2; done"])
        {
            UseShellExecute = false, RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("up", loop.StandardOutput.ReadLine());

            var (code, output, _) = Run("kill", text, "--yes", "--timeout", "4");

            Assert.Equal(1, code);
            Assert.Matches($@"port {port}: taken again by pid \d+, restarted by pid {loop.Id} \(bash\)", output);
            Assert.DoesNotContain("freed", output, StringComparison.Ordinal);
        }
        finally
        {
            loop.Kill(entireProcessTree: true);
            loop.WaitForExit(5000);
        }
    }

    [Core.Tests.TestSupport.PidNamespaceFact]
    public void A_listener_in_another_network_namespace_is_left_alone_unless_asked()
    {
        int port = FreePort();
        string text = port.ToString(CultureInfo.InvariantCulture);
        using var isolated = Process.Start(new ProcessStartInfo("unshare",
            ["--net", "sh", "-c", $"ip link set lo up && exec perl -e \"$0\" {text}", Listen])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            Assert.Equal("up", isolated.StandardOutput.ReadLine());
            string netns = new FileInfo($"/proc/{isolated.Id}/ns/net").LinkTarget!.Trim('n', 'e', 't', ':', '[', ']');

            var (code, output, error) = Run("kill", text, "--yes");
            var (allCode, all, _) = Run("kill", text, "--netns", "all", "--dry-run");
            var (oneCode, one, _) = Run("kill", text, "--netns", netns, "--dry-run");

            Assert.Equal(1, code);
            Assert.Contains($"also on port {port} in netns {netns}: not touched", output, StringComparison.Ordinal);
            Assert.Contains($"no listening socket on {port} in this network namespace", error, StringComparison.Ordinal);
            Assert.True(WaitUntil(() => PerlServer.Alive(isolated.Id), 1));
            Assert.Equal((0, 0), (allCode, oneCode));
            Assert.Contains($"dry run: would send SIGTERM to 1 process ({isolated.Id})", all, StringComparison.Ordinal);
            Assert.Contains($"dry run: would send SIGTERM to 1 process ({isolated.Id})", one, StringComparison.Ordinal);
        }
        finally
        {
            isolated.Kill(entireProcessTree: true);
            isolated.WaitForExit(5000);
        }
    }

    [Fact]
    public void A_workers_master_that_lingers_holds_the_port_and_is_not_said_to_have_inherited_it()
    {
        using var server = new PerlServer(PerlServer.PreFork);
        int worker = server.OtherPids[0];
        var started = new Core.ProcFs.ProcessReader(Core.ProcFs.ProcRoot.Default).Read(worker)!.StartTimeUtc!.Value;

        var (code, output, _) = Run("kill", "--pid", worker.ToString(CultureInfo.InvariantCulture), "--start-time",
            Core.Presentation.Formats.StartTimeUtc(started), "--yes", "--timeout", "1");

        Assert.Equal(1, code);
        Assert.Contains($"port {server.Port}: still held by pid {server.Pid} (perl), which was not signalled", output, StringComparison.Ordinal);
        Assert.DoesNotContain("inherited", output, StringComparison.Ordinal);
        Assert.Contains($"pid {worker} (perl) exited after SIGTERM", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Alive(server.Pid));
    }

    [Fact]
    public void A_proc_root_that_is_not_the_live_procfs_never_signals_anything()
    {
        using var server = new PerlServer(PerlServer.Plain);
        string copy = Directory.CreateTempSubdirectory("tuiports-copy-").FullName;
        try
        {
            var (code, _, error) = Run("kill", server.PortText, "--yes", "--proc-root", copy);

            Assert.Equal(2, code);
            Assert.Contains("is not the live /proc", error, StringComparison.Ordinal);
            Assert.True(PerlServer.Alive(server.Pid));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
