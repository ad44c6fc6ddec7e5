
namespace TuiPorts.Core.Killing;

/// <summary>What the highlighted row's holder is to its parent, when the parent holds the same port.</summary>
public enum WorkerKind
{
    None,

    /// <summary>A pre-fork worker: it holds the parent's listener and runs the parent's program; the parent replaces it.</summary>
    PreFork,

    /// <summary>A child serving one connection (an sshd session, a PostgreSQL backend): ending it ends that one.</summary>
    PerConnection,
}

/// <summary>A socket on a matching port in another network namespace: listed, not touched unless asked.</summary>
public sealed record ForeignPort(int Port, ulong Netns, string? Container, IReadOnlyList<ProcessInfo> Holders);

/// <summary>A client connected to a port the plan stops: the local process at the other end when it is on this host.</summary>
public sealed record ConnectedClient(string Endpoint, ProcessInfo? Process);

/// <summary>
/// One port of a plan: its listening sockets in scope, the sockets refused as they are (owner hidden, kernel-owned),
/// the unrelated trees that hold it (refused without all-holders), the chosen targets and the clients connected to it.
/// </summary>
public sealed record PortPlan(
    int Port,
    IReadOnlyList<SocketEntry> Listeners,
    IReadOnlyList<(SocketEntry Socket, KillRefusal Refusal)> RefusedSockets,
    IReadOnlyList<ProcessInfo> UnrelatedTops,
    IReadOnlyList<KillTarget> Targets,
    IReadOnlyList<ConnectedClient> Clients)
{
    /// <summary>Several unrelated process trees hold it and not all of them were asked for.</summary>
    public bool RefusedAsShared => UnrelatedTops.Count > 1 && Targets.Count == 0;
}

/// <summary>
/// A kill as plain data, fixed when it was asked for: for a socket (the UI's K, where <see cref="Primary"/>, the parent
/// and all holders are the choices), for ports (<c>tuiports kill PORTS</c>) or for one pinned pid (<c>kill --pid</c>).
/// The UI and the CLI only render and confirm it (<see cref="Presentation.KillWording"/>); <see cref="KillRun"/> carries
/// out <see cref="Targets"/> and watches <see cref="Watch"/>.
/// </summary>
public sealed class KillPlan : IDisposable
{
    public required KillRequest Request { get; init; }

    /// <summary>The highlighted socket (UI plans only).</summary>
    public SocketEntry? Socket { get; init; }

    /// <summary>The container or namespace the socket lives in when it is not tuiports' own (UI plans only).</summary>
    public ForeignPort? Namespace { get; init; }

    public IReadOnlyList<PortPlan> Ports { get; init; } = [];

    /// <summary>What "yes" signals: the top holder (UI), the chosen holders of every port (CLI), the pid (--pid).</summary>
    public IReadOnlyList<KillTarget> Targets { get; init; } = [];

    /// <summary>UI: the process "this one" means; null when the socket has no holder.</summary>
    public KillTarget? Primary => Targets.Count > 0 ? Targets[0] : null;

    /// <summary>UI: the parent that holds the port too (a worker's master, a session's server): p in the dialog.</summary>
    public KillTarget? Parent { get; init; }

    public WorkerKind Worker { get; init; }

    /// <summary>UI: every holder of the socket, pinned (a in the dialog).</summary>
    public IReadOnlyList<KillTarget> AllHolders { get; init; } = [];

    /// <summary>Holders of the socket in other trees than <see cref="Primary"/>'s.</summary>
    public int OtherTops { get; init; }

    /// <summary>Matching ports in other network namespaces, left alone.</summary>
    public IReadOnlyList<ForeignPort> LeftAlone { get; init; } = [];

    /// <summary>Targets and ports refused while planning (each explained by the renderer).</summary>
    public int Refused => Ports.Sum(p => p.RefusedSockets.Count + (p.RefusedAsShared ? 1 : 0))
        + Targets.Count(t => t.Issue != TargetIssue.None) + (Problem is null ? 0 : 1);

    /// <summary>Why nothing at all can be planned (a --pid that is another process now), or null.</summary>
    public PidProblem? Problem { get; init; }

    public bool IsShared => AllHolders.Count > 1;

    /// <summary>The ports to watch after the signals, with who held them and who could restart their holders.</summary>
    public IReadOnlyList<PortTarget> Watch { get; init; } = [];

    public void Dispose()
    {
        foreach (var target in Targets.Concat(AllHolders).Append(Parent).OfType<KillTarget>().Distinct())
        {
            target.Dispose();
        }
    }
}

/// <summary><c>kill --pid P --start-time T</c> when P is no such process, or another process now.</summary>
public sealed record PidProblem(int Pid, bool Exists, DateTime? StartedUtc);
