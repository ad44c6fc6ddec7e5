
namespace TuiPorts.Core.Killing;

/// <summary>
/// How a well-known server is stopped by its own tools: the signal its stop command sends, why, and a gentler signal
/// the dialog offers. <see cref="Gentler"/> is 0 when there is none.
/// </summary>
public sealed record DaemonStop(string Program, int Signal, string Why, int Gentler = 0, string? GentlerWhy = null)
{
    /// <summary>The plan names the clients connected to it (a database's sessions end with it).</summary>
    public bool NamesClients { get; init; }
}

/// <summary>
/// The data table of daemons whose documented stop is not a plain SIGTERM (or that offer a graceful one), matched on
/// the program the kernel says the process runs (the file name of <c>/proc/&lt;pid&gt;/exe</c>, else its comm) - a
/// fact, not a guess from the command line, which any process can rewrite.
/// </summary>
public static class DaemonStops
{
    private static readonly DaemonStop[] Table =
    [
        new("postgres", Signals.SIGINT, "fast shutdown, as `pg_ctl stop` does: clients are disconnected, no crash recovery on the next start",
            Signals.SIGTERM, "smart shutdown: waits for every client to disconnect") { NamesClients = true },
        new("nginx", Signals.SIGTERM, "fast shutdown", Signals.SIGQUIT, "graceful shutdown: open requests are finished"),
        new("apache2", Signals.SIGTERM, "stop", Signals.SIGWINCH, "graceful-stop: open requests are finished"),
        new("httpd", Signals.SIGTERM, "stop", Signals.SIGWINCH, "graceful-stop: open requests are finished"),
        new("haproxy", Signals.SIGTERM, "hard stop", Signals.SIGUSR1, "soft-stop: open connections are finished"),
    ];

    /// <summary>
    /// The entry for a process that is the top of its daemon (not a worker or backend, whose parent runs the same
    /// program): PostgreSQL's postmaster, nginx's master. Null for anything else.
    /// </summary>
    public static DaemonStop? For(ProcessInfo process, TargetFacts facts, TargetFacts parentFacts, ProcessInfo? parent)
    {
        string program = facts.ExeName ?? process.Name;
        var entry = Table.FirstOrDefault(d => d.Program == program);
        if (entry is null)
        {
            return null;
        }

        string? parentProgram = parent is null ? null : parentFacts.ExeName ?? parent.Name;
        return parentProgram == program ? null : entry;
    }
}
