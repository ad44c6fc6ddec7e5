using System.Diagnostics;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.EndToEnd;

/// <summary>
/// Runs the tmux scripts under tests/e2e against the real binary, as a person at an 80x24 terminal would use it.
/// TUIPORTS_E2E_CMD overrides the command (CI points it at the native AOT binary as well).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EndToEndScriptTests
{
    [Fact]
    public void Type_a_port_read_the_holder_and_its_fds_then_quit() => RunScript("filter-detail-quit.sh");

    /// <summary>F1 help scrolled and closed with q, the pane header over 40 fds, NO_COLOR, no any-motion mouse tracking.</summary>
    [Fact]
    public void At_80x24_the_help_scrolls_and_q_closes_it_the_pane_header_stays_and_NO_COLOR_paints_none() => RunScript("screen80x24.sh");

    [Fact]
    public void Signals_and_a_hang_up_leave_the_terminal_restored_and_the_process_gone() => RunScript("signals.sh");

    [Fact]
    public void Dumb_terminals_LANG_C_rapid_resizes_and_injected_faults_are_survived() => RunScript("terminals.sh");

    [Fact]
    public void K_and_y_kill_the_highlighted_listener_and_the_status_line_says_so() => RunScript("kill.sh");

    [Fact]
    public void A_real_nginx_is_freed_through_its_master_and_a_workers_row_offers_the_parent() => RunScript("nginx.sh");

    /// <summary>A real PostgreSQL with an idle psql stopped cleanly with defaults; a real supervisord named, never "freed".</summary>
    [Fact]
    public void PostgreSQL_stops_with_its_fast_shutdown_and_supervisord_is_named_as_the_restarter() => RunScript("daemons.sh");

    /// <summary>Two sshd "hosts" on loopback and an unreachable one, through real OpenSSH (sshd is started by the script).</summary>
    [Fact]
    public void Several_hosts_in_one_table_K_on_a_remote_row_and_q_leaves_no_ssh_behind() => RunScript("hosts.sh");

    /// <summary>A frozen remote stream is stale within 6 s and live after SIGCONT; kill -9 of the view leaves nothing; --once over 10 hosts at once.</summary>
    [Fact]
    public void A_frozen_host_is_stale_within_6_s_and_a_killed_view_leaves_nothing_on_any_host() => RunScript("fleet.sh");

    /// <summary>Real PID reuse inside a private PID namespace: the pidfd-pinned kill must not reach the new process.</summary>
    [Core.Tests.TestSupport.PidNamespaceFact]
    public void A_reused_pid_never_receives_a_confirmed_kill() => RunScript("pid-reuse.sh", needsTmux: false);

    private static void RunScript(string name, bool needsTmux = true)
    {
        Assert.True(!needsTmux || CommandExists("tmux"), "tmux is not installed: run .ci/run, or apt-get install tmux");
        string script = Path.Combine(RepoFiles.Root, "tests", "e2e", name);
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DisableRealDriverIO"); // set for the headless tests; the real binary must draw
        start.Environment["TUIPORTS_CMD"] = Environment.GetEnvironmentVariable("TUIPORTS_E2E_CMD") ?? $"dotnet {CliProcess.AppDll}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(process.HasExited && process.ExitCode == 0, $"{name} failed:\n{stdout.Result}\n{stderr.Result}");
    }

    private static bool CommandExists(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));
}
