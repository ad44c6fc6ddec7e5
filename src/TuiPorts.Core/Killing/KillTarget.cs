using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>
/// One process pinned when K was pressed: its identity as shown (pid + start time), the pinned handle, and why it
/// must not be signalled (<see cref="Problem"/>) if it must not.
/// </summary>
public sealed class KillTarget : IDisposable
{
    public KillTarget(ProcessInfo process, IProcessHandle? handle, string? problem)
    {
        Process = process;
        Handle = handle;
        Problem = problem;
    }

    public ProcessInfo Process { get; }

    public IProcessHandle? Handle { get; }

    /// <summary>Null when it can be signalled; otherwise a sentence for the user (refused, exited, not ours...).</summary>
    public string? Problem { get; }

    public bool CanSignal => Problem is null && Handle is not null;

    public int Pid => Process.Pid;

    /// <summary><c>pid 1234 (nginx)</c>.</summary>
    public string Label => $"pid {Process.Pid} ({Process.Name})";

    public void Dispose() => Handle?.Dispose();
}

/// <summary>Everything a kill is about, fixed at the moment K was pressed: the socket and its pinned holders.</summary>
public sealed class KillPlan : IDisposable
{
    public KillPlan(SocketEntry socket, IReadOnlyList<KillTarget> holders)
    {
        Socket = socket;
        Holders = holders;
    }

    public SocketEntry Socket { get; }

    public IReadOnlyList<KillTarget> Holders { get; }

    /// <summary>The process "this process" means: the first holder (the one the table row shows).</summary>
    public KillTarget? Primary => Holders.Count > 0 ? Holders[0] : null;

    public bool IsShared => Holders.Count > 1;

    /// <summary><c>127.0.0.1:9000 LISTEN</c>, <c>[::1]:9000 LISTEN</c>, <c>*:9000 LISTEN</c>.</summary>
    public string SocketLabel => $"{Socket.LocalEndpoint} {Socket.State}";

    public void Dispose()
    {
        foreach (var target in Holders)
        {
            target.Dispose();
        }
    }
}
