using System.Reactive.Linq;
using NSubstitute;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;
using TuiPorts.Hosting;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// The command line as an attacker meets it: a process that named itself with escapes, arguments carrying escapes,
/// numbers that are not numbers. Output never carries a control character; bad input is one line and exit 2.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public HostileInputTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:A028", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(4100, HostileText.Name, HostileText.Payload, uid: 65534).AddSocketFd(4100, 3, 500);
    }

    public void Dispose() => _proc.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_process_named_with_escapes_is_shown_with_symbols_in_one_row()
    {
        var (code, output, _) = Run("--once", "--proc-root", _proc.Root);

        Assert.Equal(0, code);
        Assert.True(HostileText.IsTerminalSafe(output, allowNewlines: true), HostileText.Describe(output));
        string row = output.Split('\n')[1];
        Assert.Contains("4100/\u241b]2;x\u2407\\u202E\u240a fd 3", row, StringComparison.Ordinal);
        Assert.Contains("\\u202Edhss\\u2066\\u200B", row, StringComparison.Ordinal); // the command line's bidi and format characters
        Assert.Contains("1 of 1 socket", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--interval", "NaN")]
    [InlineData("--interval", "Infinity")]
    [InlineData("--interval", "-Infinity")]
    [InlineData("--interval", "-1")]
    [InlineData("--interval", "1e3")]
    [InlineData("--interval", "\u221e")]
    public void A_duration_that_is_not_a_number_of_seconds_is_exit_2_in_one_line(string option, string value)
    {
        var (code, _, error) = Run("--once", "--proc-root", _proc.Root, option, value);

        AssertUsageError(code, error);
        Assert.Contains("--interval", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "NaN")]
    [InlineData("--kill-after", "NaN")]
    [InlineData("--timeout", "Infinity")]
    [InlineData("--kill-after", "-5")]
    public void Kill_durations_that_are_not_numbers_are_exit_2_before_anything_is_read(string option, string value)
    {
        var (code, _, error) = Run("kill", "41000", "--proc-root", _proc.Root, "--dry-run", option, value);

        AssertUsageError(code, error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("\u001b]2;x\u0007")]
    public void A_pid_that_is_not_a_number_is_named_without_dotnet_types(string pid)
    {
        var (code, _, error) = Run("kill", "--pid", pid, "--proc-root", _proc.Root);

        AssertUsageError(code, error);
        Assert.Contains("--pid: '", error, StringComparison.Ordinal);
        Assert.Contains("is not a whole number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "a\u001b]52;c;aWQK\u0007")]
    [InlineData("--port", "\u009b2J\u202e80")]
    [InlineData("--proto", "\u001b[2J")]
    [InlineData("--bogus\u001b[31m", "x")]
    [InlineData("--proc-root", "/nonexistent/\u001b]2;x\u0007")]
    public void Arguments_echoed_in_errors_are_sanitised(string option, string value)
    {
        var (code, _, error) = Run("--once", option, value);

        AssertUsageError(code, error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_compromised_host_cannot_write_to_the_operators_terminal_and_the_others_are_printed(bool json)
    {
        // web1 answers a snapshot whose every field is an attack; db1 fails with escapes on its stderr
        var hostile = new ProcSnapshotSource(_proc.ProcRoot).Take();
        using var document = new MemoryStream();
        SnapshotJsonWriter.Write(document, hostile, hostile.Sockets, indented: false);
        var launcher = Substitute.For<IProcessLauncher>();
        launcher.Start(Arg.Any<string>(), Arg.Any<IReadOnlyList<string>>()).Returns(call =>
        {
            var arguments = call.ArgAt<IReadOnlyList<string>>(1);
            bool web = arguments.Contains("web1");
            var process = Substitute.For<IRemoteProcess>();
            process.Output.Returns(web ? Observable.Return(System.Text.Encoding.UTF8.GetString(document.ToArray())) : Observable.Empty<string>());
            process.ErrorText.Returns(web ? string.Empty : "ssh: " + HostileText.Payload + "\n");
            process.ExitCode.Returns(web ? 0 : 255);
            return process;
        });
        var setup = new HostsSetup(new HostSet(["web1", "db1"], null), new SshCommand(), []);
        var output = new StringWriter();
        var error = new StringWriter();

        int code = HostsOnceCommand.Run(_proc.ProcRoot, SocketQuery.All, setup, json, pretty: false, launcher, output, error);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(HostileText.IsTerminalSafe(error.ToString(), allowNewlines: true), HostileText.Describe(error.ToString()));
        Assert.Contains("ssh: \u241b]2;pwned", json ? output.ToString() : error.ToString(), StringComparison.Ordinal);
        if (!json)
        {
            Assert.True(HostileText.IsTerminalSafe(output.ToString(), allowNewlines: true), HostileText.Describe(output.ToString()));
            Assert.Contains("web1", output.ToString().Split('\n')[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_real_binary_prints_the_once_table_with_no_control_character()
    {
        var result = CliProcess.Run(["--once", "--proc-root", _proc.Root]);

        Assert.True(HostileText.IsTerminalSafe(result.Stdout, allowNewlines: true), HostileText.Describe(result.Stdout));
        Assert.Contains("4100/\u241b]2;x\u2407", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kill", "41000", "--dry-run")]
    [InlineData("kill", "41000", "--signal", "\u001b]2;x\u0007")]
    public void The_real_binarys_stdout_and_stderr_carry_no_control_character_whatever_the_command(params string[] args)
    {
        // the stream guard behind every sanitised field: no C0 (but line feed and tab), DEL or C1 leaves the process
        var result = CliProcess.Run([.. args, "--proc-root", _proc.Root]);

        Assert.DoesNotContain(result.Stdout + result.Stderr, c => c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f'));
        Assert.NotEmpty(result.Stdout + result.Stderr);
    }

    private static void AssertUsageError(int code, string error)
    {
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("tuiports: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.True(HostileText.IsTerminalSafe(error, allowNewlines: true), HostileText.Describe(error));
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
