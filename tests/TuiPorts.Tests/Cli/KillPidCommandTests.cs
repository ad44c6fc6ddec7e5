using TuiPorts.Cli;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Hosting;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// <c>tuiports kill --pid PID --start-time T</c> against real listeners this test starts (and kills only by pid): the
/// process is signalled only while that pid still has that start time, and its port's fate is reported.
/// </summary>
[Trait("Category", "RealKill")]
public sealed class KillPidCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static DateTime StartOf(int pid) => new ProcessReader(ProcRoot.Default).Read(pid)!.StartTimeUtc!.Value;

    private static string Pid(PerlServer server) => server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_process_with_that_start_time_is_signalled_and_its_port_reported_freed()
    {
        using var server = new PerlServer(PerlServer.Plain);

        var (code, output, error) = Run("kill", "--pid", Pid(server), "--start-time", Formats.StartTimeUtc(StartOf(server.Pid)), "--yes");

        Assert.True(code == 0, $"exit {code}\n{output}{error}");
        Assert.Equal([$"port {server.Port}: freed", $"pid {server.Pid} (perl) exited after SIGTERM"], output.Trim().Split('\n'));
        Assert.False(PerlServer.Alive(server.Pid));
    }

    [Fact]
    public void Another_start_time_means_another_process_and_nothing_is_sent()
    {
        using var server = new PerlServer(PerlServer.Plain);
        var actual = StartOf(server.Pid);

        var (code, output, error) = Run("kill", "--pid", Pid(server), "--start-time", Formats.StartTimeUtc(actual.AddMilliseconds(10)), "--yes");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"tuiports: pid {server.Pid} now belongs to another process (started {Formats.StartTimeUtc(actual)}): nothing sent\n", error);
        Assert.True(PerlServer.Alive(server.Pid));
        Assert.True(PerlServer.Listening(server.Port));
    }

    [Fact]
    public void The_offset_form_of_startedAt_names_the_same_instant()
    {
        using var server = new PerlServer(PerlServer.Plain);
        string startedAt = new DateTimeOffset(StartOf(server.Pid)).ToOffset(TimeSpan.FromHours(2)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var (code, output, _) = Run("kill", "--pid", Pid(server), "--start-time", startedAt, "--dry-run");

        Assert.Equal(0, code);
        Assert.StartsWith($"pid {server.Pid} (perl, user root, started {Formats.StartTimeUtc(StartOf(server.Pid))}) holds tcp 127.0.0.1:{server.Port} LISTEN\n", output, StringComparison.Ordinal);
        Assert.Contains($"dry run: would send SIGTERM to 1 process ({server.Pid}); nothing sent", output, StringComparison.Ordinal);
        Assert.True(PerlServer.Alive(server.Pid));
    }

    [Fact]
    public void A_pid_that_does_not_exist_is_reported()
    {
        var (code, _, error) = Run("kill", "--pid", "4194303", "--start-time", "2026-11-25T12:01:00.34Z", "--yes");

        Assert.Equal(1, code);
        Assert.Equal("tuiports: pid 4194303: no such process: nothing sent\n", error);
    }

    [Theory]
    [InlineData(new[] { "kill" }, "kill: give PORTS, or --pid PID --start-time T")]
    [InlineData(new[] { "kill", "9000", "--pid", "12" , "--start-time", "2026-11-25T12:01:00.34Z" }, "kill: PORTS and --pid are two ways to choose what to kill: give one")]
    [InlineData(new[] { "kill", "--pid", "12" }, "--pid needs --start-time T")]
    [InlineData(new[] { "kill", "9000", "--start-time", "2026-11-25T12:01:00.34Z" }, "--start-time goes with --pid")]
    [InlineData(new[] { "kill", "--pid", "12", "--start-time", "yesterday" }, "--start-time: 'yesterday' is not an ISO 8601 time")]
    [InlineData(new[] { "kill", "--pid", "12", "--start-time", "2026-11-25 12:01:00" }, "--start-time: '2026-11-25 12:01:00' is not an ISO 8601 time")]
    [InlineData(new[] { "kill", "--pid", "0", "--start-time", "2026-11-25T12:01:00.34Z" }, "--pid: '0' is not a process id")]
    [InlineData(new[] { "kill", "--pid", "12", "--start-time", "2026-11-25T12:01:00.34Z", "--all-holders" }, "--all-holders chooses among the holders of PORTS")]
    public void Bad_combinations_are_usage_errors(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"tuiports: {message}", error, StringComparison.Ordinal);
    }
}
