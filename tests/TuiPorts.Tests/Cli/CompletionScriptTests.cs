using System.CommandLine;
using System.Diagnostics;
using TuiPorts.Cli;
using TuiPorts.Core.Killing;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// <c>tuiports completion bash|zsh</c> prints scripts generated from the command tree. The bash one is sourced into a
/// real bash and asked to complete, exactly as Tab would (COMP_WORDS, COMP_CWORD, then COMPREPLY).
/// </summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly string _bashScript = Path.GetTempFileName();

    public CompletionScriptTests() => File.WriteAllText(_bashScript, Print("bash"));

    public void Dispose() => File.Delete(_bashScript);

    [Fact]
    public void Bash_completes_ki_to_the_kill_command() => Assert.Equal(["kill"], Complete("tuiports", "ki"));

    [Fact]
    public void Bash_completes_po_to_the_port_flag() => Assert.Equal(["--port"], Complete("tuiports", "--po"));

    [Fact]
    public void Bash_offers_every_command_on_an_empty_word() =>
        Assert.Equal(["kill", "close", "bench", "soak", "completion"], Complete("tuiports", string.Empty));

    [Fact]
    public void Bash_completes_the_flags_of_the_command_being_typed_not_those_of_the_root()
    {
        Assert.Equal(["--all-holders"], Complete("tuiports", "kill", "9000", "--al"));
        Assert.Empty(Complete("tuiports", "kill", "--on"));
    }

    [Fact]
    public void Bash_completes_signal_names_after_kill_signal()
    {
        var offered = Complete("tuiports", "kill", "9000", "--signal", string.Empty);

        Assert.Superset(Signals.Names.ToHashSet(), offered.ToHashSet());
        Assert.Contains("TERM", offered);
        Assert.Equal(["SIGTERM"], Complete("tuiports", "kill", "-s", "SIGT"));
    }

    [Fact]
    public void Bash_completes_the_values_of_proto()
    {
        Assert.Equal(["tcp", "udp"], Complete("tuiports", "--proto", string.Empty));
        Assert.Equal(["udp"], Complete("tuiports", "--once", "--proto", "u"));
    }

    [Fact]
    public void Bash_steps_over_option_values_so_a_value_is_never_taken_for_a_command() =>
        Assert.Equal(["--listening"], Complete("tuiports", "--proto", "tcp", "-p", "kill", "--lis"));

    [Fact]
    public void Bash_offers_nothing_for_a_free_value_such_as_a_port() => Assert.Empty(Complete("tuiports", "--port", "9"));

    [Theory]
    [InlineData("--proc-root", "d$(touch pwned) `touch pwned2`;touch pwned3", true)]
    [InlineData("--ssh-config", "x$(touch pwned) `touch pwned2`;touch pwned3'\"", false)]
    public void A_hostile_file_name_completes_quoted_in_an_interactive_bash_and_runs_nothing(string option, string name, bool directory)
    {
        // root presses Tab, then Enter, in a real interactive bash on a pty (script): the name must arrive as one word
        string home = Directory.CreateTempSubdirectory("tuiports-completion-").FullName;
        try
        {
            string target = Path.Combine(home, name);
            if (directory)
            {
                Directory.CreateDirectory(target);
            }
            else
            {
                File.WriteAllText(target, string.Empty);
            }

            string typed = $"source '{_bashScript}'\ntuiports() {{ printf 'ARG<%s>\\n' \"$@\" > out; }}\ntuiports {option} {name[0]}\t\nexit\n";
            var start = new ProcessStartInfo("script", ["-qfec", "bash --norc --noprofile -i", "/dev/null"])
            {
                WorkingDirectory = home,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment["HOME"] = home;
            start.Environment["INPUTRC"] = "/dev/null";
            using var shell = Process.Start(start)!;
            shell.StandardInput.Write(typed);
            shell.StandardInput.Close();
            _ = shell.StandardOutput.ReadToEndAsync();
            Assert.True(shell.WaitForExit(30_000), "bash did not finish");

            Assert.Equal($"ARG<{option}>\nARG<{name}{(directory ? "/" : string.Empty)}>\n", File.ReadAllText(Path.Combine(home, "out")));
            Assert.False(File.Exists(Path.Combine(home, "pwned")) || File.Exists(Path.Combine(home, "pwned2")) || File.Exists(Path.Combine(home, "pwned3")));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void A_new_flag_completes_without_a_second_edit()
    {
        var root = new RootCommand { new Option<bool>("--brand-new") };

        Assert.Contains("--brand-new", BashCompletionScript.Render(CompletionNode.Of(root)), StringComparison.Ordinal);
        Assert.Contains("--brand-new", ZshCompletionScript.Render(CompletionNode.Of(root)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_zsh_script_is_a_compdef_function_with_values_for_signal_and_proto_and_a_hint_for_ports()
    {
        string script = Print("zsh");

        Assert.StartsWith("#compdef tuiports\n", script, StringComparison.Ordinal);
        Assert.Contains("'(--proto)--proto[Only one protocol family: tcp or udp (IPv4 and IPv6).]:tcp|udp:(tcp udp)'", script, StringComparison.Ordinal);
        Assert.Contains(":NAME:(HUP INT KILL QUIT SIGHUP", script, StringComparison.Ordinal);
        Assert.Matches("(?m)^ +'kill:[A-Z]", script); // the command, with the first line of its description
        Assert.Contains("':PORTS:_message PORTS'", script, StringComparison.Ordinal); // a hint that still lets kill --al<Tab> complete
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(2, CommandLineInterface.Run(["completion", "fish"], new StringWriter(), error));
        Assert.StartsWith("tuiports: ", error.ToString(), StringComparison.Ordinal);
    }

    private static string Print(string shell)
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLineInterface.Run(["completion", shell], output, new StringWriter()));
        return output.ToString();
    }

    /// <summary>What bash offers when Tab is pressed after <paramref name="words"/> (the last one being completed).</summary>
    private List<string> Complete(params string[] words)
    {
        const string Driver = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _tuiports; printf '%s\\n' \"${COMPREPLY[@]}\"";
        var start = new ProcessStartInfo("bash", ["-c", Driver, "bash", _bashScript, .. words])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var bash = Process.Start(start)!;
        string output = bash.StandardOutput.ReadToEnd();
        string error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0 && error.Length == 0, $"bash failed ({bash.ExitCode}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
