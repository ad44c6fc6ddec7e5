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

    /// <summary>tuiports runs under this process (its shell, tmux, the sshd session): signalling it needs a second yes.</summary>
    public bool IsAncestor { get; init; }

    public int Pid => Process.Pid;

    /// <summary><c>pid 1234 (nginx: master)</c>.</summary>
    public string Label => $"pid {Process.Pid} ({Process.Title})";

    public void Dispose() => Handle?.Dispose();
}

/// <summary>
/// Everything a kill is about, fixed at the moment K was pressed: the socket, its pinned holders, the one "this
/// process" means (<see cref="Primary"/>: the top holder of the first holder's tree), how many of its children hold the
/// socket too, how many unrelated processes also hold it, and - for a worker whose parent holds the port - the parent.
/// </summary>
public sealed class KillPlan(
    SocketEntry socket, IReadOnlyList<KillTarget> holders, KillTarget? primary, int children, int otherTops, KillTarget? parent)
    : IDisposable
{
    public SocketEntry Socket { get; } = socket;

    public IReadOnlyList<KillTarget> Holders { get; } = holders;

    public KillTarget? Primary { get; } = primary;

    /// <summary>Holders below <see cref="Primary"/> in its process tree (they stop with it).</summary>
    public int Children { get; } = children;

    /// <summary>Holders in other, unrelated trees: the port stays open unless they exit too.</summary>
    public int OtherTops { get; } = otherTops;

    /// <summary>The parent that holds the port and would likely start <see cref="Primary"/> again; p in the dialog.</summary>
    public KillTarget? Parent { get; } = parent;

    public bool IsShared => Holders.Count > 1;

    /// <summary><c>127.0.0.1:9000 LISTEN</c>, <c>[::1]:9000 LISTEN</c>, <c>*:9000 LISTEN</c>.</summary>
    public string SocketLabel => $"{Socket.LocalEndpoint} {Socket.State}";

    public void Dispose()
    {
        foreach (var target in Holders)
        {
            target.Dispose();
        }

        Parent?.Dispose();
    }
}
