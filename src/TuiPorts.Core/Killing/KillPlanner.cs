using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Killing;

/// <summary>How far a port kill reaches: tuiports' own network namespace (the default), one other, or all.</summary>
public sealed record NetnsScope(ulong? Only, bool All)
{
    public static NetnsScope Own { get; } = new(null, false);
}

/// <summary>
/// The one place kills are planned, for the UI's K (a socket), <c>tuiports kill PORTS</c> and <c>kill --pid</c>: it pins
/// each target (a pidfd, then its start time and fd table re-checked), applies <see cref="KillPolicy"/>, and reads the
/// facts that predict what the signal will do - signal masks, program, daemon stop, supervisor, children. The result is
/// plain data (<see cref="KillPlan"/>); the views only render and confirm it.
/// </summary>
public sealed class KillPlanner(ISignalSender sender, KillPolicy policy, ProcRoot root)
{
    private readonly TargetFactsReader _facts = new(root);
    private ProcessReader? _processes;

    /// <summary>Parents this tuiports saw restart a target (UI memory): named as supervisors in later plans.</summary>
    public HashSet<(int Pid, ulong Start)> KnownRestarters { get; } = [];

    private ProcessReader Processes => _processes ??= new ProcessReader(root);

    /// <summary>
    /// The UI's K: every holder of <paramref name="socket"/> pinned, "this one" = the top of the first holder's tree,
    /// and for a child whose parent holds the port (a worker, a session) that parent as the alternative.
    /// </summary>
    public KillPlan ForSocket(SocketEntry socket, Snapshot snapshot, KillRequest request) =>
        SocketPlan(socket, snapshot, request, new TargetBuilder(this, snapshot, request, pin: true, allowAncestor: true));

    /// <summary>
    /// The same plan for a socket of another host (<c>--ssh</c>), nothing pinned or read here: the dialog shows it, and
    /// the host's own tuiports pins the chosen process and reads its facts (<c>kill --pid --start-time</c>).
    /// </summary>
    public static KillPlan ForRemoteSocket(SocketEntry socket, Snapshot snapshot, KillRequest request) =>
        SocketPlan(socket, snapshot, request, new TargetBuilder(null, snapshot, request, pin: false, allowAncestor: false));

    /// <summary><c>tuiports kill PORTS</c>: the top holder of each listening socket on the ports, in <paramref name="scope"/>.</summary>
    public KillPlan ForPorts(Snapshot snapshot, PortFilter filter, KillRequest request, NetnsScope scope, bool allHolders, bool force)
    {
        var builder = new TargetBuilder(this, snapshot, request, pin: true, allowAncestor: force);
        var candidates = snapshot.Sockets.Where(s => SocketQuery.IsKillCandidate(s, filter)).ToList();
        ulong own = snapshot.OwnNetns;
        bool InScope(SocketEntry s) => scope.All || (scope.Only is { } only ? s.Netns == only : own == 0 || s.Netns == own);
        var leftAlone = candidates.Where(s => !InScope(s)).GroupBy(s => (s.Netns, s.LocalPort))
            .Select(g => Foreign(g.Key.LocalPort, g.Key.Netns, g.ToList())).OrderBy(f => f.Port).ThenBy(f => f.Netns).ToList();

        var ports = new List<PortPlan>();
        var watch = new List<PortTarget>();
        var pinned = new Dictionary<int, KillTarget>();
        foreach (var group in candidates.Where(InScope).GroupBy(s => s.LocalPort).OrderBy(g => g.Key))
        {
            var sockets = group.ToList();
            var refused = sockets.Select(s => (Socket: s, Refusal: KillPolicy.Check(s))).Where(r => r.Refusal != KillRefusal.None).ToList();
            var held = sockets.Where(s => KillPolicy.Check(s) == KillRefusal.None).ToList();
            var tops = held.SelectMany(HolderTree.Tops).DistinctBy(p => p.Pid).ToList();
            List<KillTarget> targets = [];
            if (tops.Count <= 1 || allHolders)
            {
                var chosen = allHolders ? held.SelectMany(s => s.Holders).Select(h => h.Process).DistinctBy(p => p.Pid).ToList() : tops;
                // a process holding several matching ports is pinned once and shared by their plans
                targets = chosen.Select(p => pinned.TryGetValue(p.Pid, out var known) ? known
                    : pinned[p.Pid] = builder.Target(p, held.First(s => s.Holders.Any(h => h.Pid == p.Pid)))).ToList();
            }

            ports.Add(new PortPlan(group.Key, sockets, refused, tops, targets, Clients(snapshot, held, targets)));
            var ready = targets.Where(t => t.CanSignal).ToList();
            if (ready.Count > 0)
            {
                watch.Add(PortTarget.Of(held, ready, Busy));
            }
        }

        return new KillPlan
        {
            Request = request, Ports = ports, LeftAlone = leftAlone, Watch = watch,
            Targets = pinned.Values.ToList(),
        };
    }

    /// <summary><c>kill --pid P --start-time T</c>: exactly that process, then the ports it listens on are watched.</summary>
    public KillPlan ForPid(int pid, DateTime startUtc, KillRequest request, bool force)
    {
        var process = Processes.Read(pid);
        if (process?.StartTimeUtc is not { } actual || Centiseconds(actual) != Centiseconds(startUtc))
        {
            return new KillPlan { Request = request, Problem = new PidProblem(pid, process is not null, process?.StartTimeUtc) };
        }

        var snapshot = new ProcSnapshotSource(root) { ReusesEntries = false }.Take();
        var builder = new TargetBuilder(this, snapshot, request, pin: true, allowAncestor: force);
        var listening = snapshot.Sockets
            .Where(s => s.Role == SocketRole.Listener && s.Holders.Any(h => h.Pid == pid && h.Process.StartTimeTicks == process.StartTimeTicks))
            .ToList();
        var target = builder.Target(process, listening.FirstOrDefault(), checkInode: false);
        var ports = listening.GroupBy(s => s.LocalPort).OrderBy(g => g.Key)
            .Select(g => new PortPlan(g.Key, g.ToList(), [], [process], [target], Clients(snapshot, g.ToList(), [target]))).ToList();
        var watch = target.CanSignal ? ports.Select(p => PortTarget.Of(p.Listeners, [target], Busy)).ToList() : [];
        return new KillPlan { Request = request, Targets = [target], Ports = ports, Watch = watch };
    }

    private static KillPlan SocketPlan(SocketEntry socket, Snapshot snapshot, KillRequest request, TargetBuilder builder)
    {
        if (socket.Holders.Count == 0)
        {
            return new KillPlan { Request = request, Socket = socket };
        }

        var top = HolderTree.TopOf(socket, socket.Holders[0].Process);
        var all = socket.Holders.Select(h => h.Pid == top.Pid ? null : builder.Target(h.Process, socket)).ToList();
        var primary = builder.Target(top, socket);
        all[socket.Holders.ToList().FindIndex(h => h.Pid == top.Pid)] = primary;
        var parentProcess = HolderTree.RespawningParent(snapshot, socket, top);
        var parent = parentProcess is null || parentProcess.Pid == top.Pid ? null : builder.Target(parentProcess, null, checkInode: false);
        var worker = parent is null ? WorkerKind.None : builder.WorkerKindOf(top, parentProcess!, socket);
        var listeners = snapshot.Sockets.Where(s => s.Host == socket.Host && s.Netns == socket.Netns && s.LocalPort == socket.LocalPort && s.Role == SocketRole.Listener).ToList();
        if (socket.Role == SocketRole.Listener && !listeners.Any(s => s.Key == socket.Key))
        {
            listeners.Add(socket);
        }

        return new KillPlan
        {
            Request = request, Socket = socket, Targets = [primary], AllHolders = all!, Parent = parent, Worker = worker,
            OtherTops = HolderTree.Tops(socket).Count - 1,
            Namespace = snapshot.InOtherNetns(socket) ? Foreign(socket.LocalPort, socket.Netns, [socket]) : null,
            Ports = [new PortPlan(socket.LocalPort, listeners, [], HolderTree.Tops(socket), [primary], Clients(snapshot, listeners, [primary]))],
            Watch = listeners.Count == 0 ? [] : [PortTarget.Of(listeners, [primary], builder.Busy)],
        };
    }

    /// <summary>The watch for the targets chosen in the dialog (the parent, or all holders, instead of the primary).</summary>
    public IReadOnlyList<PortTarget> WatchFor(KillPlan plan, IReadOnlyList<KillTarget> chosen) =>
        plan.Ports.Where(p => p.Listeners.Count > 0).Select(p => PortTarget.Of(p.Listeners, chosen.Where(t => t.CanSignal), Busy)).ToList();

    /// <summary>tuiports itself and its ancestors: busy running tuiports, so not restarting anything meanwhile.</summary>
    private bool Busy(int pid) => pid == policy.OwnPid || policy.IsAncestor(pid);

    private static ForeignPort Foreign(int port, ulong netns, IReadOnlyList<SocketEntry> sockets)
    {
        var holders = sockets.SelectMany(s => s.Holders).Select(h => h.Process).DistinctBy(p => p.Pid).ToList();
        return new ForeignPort(port, netns, holders.Select(p => p.Cgroup?.Container).FirstOrDefault(c => c is not null), holders);
    }

    /// <summary>The clients connected to the listeners' port: the local process at the other end when it is on this host.</summary>
    private static List<ConnectedClient> Clients(Snapshot snapshot, IReadOnlyList<SocketEntry> listeners, IReadOnlyList<KillTarget> targets)
    {
        if (listeners.Count == 0 || !targets.Any(t => t.Daemon is { NamesClients: true }))
        {
            return [];
        }

        var byLocal = snapshot.Sockets.Where(s => s.Role == SocketRole.Client).ToLookup(s => (s.Netns, s.LocalEndpoint, s.RemoteEndpoint));
        return snapshot.Sockets
            .Where(s => s.Role == SocketRole.Accepted && s.State == SocketStates.Established && listeners.Any(l => l.Netns == s.Netns && l.LocalPort == s.LocalPort))
            .Select(s => new ConnectedClient(s.RemoteEndpoint,
                byLocal[(s.Netns, s.RemoteEndpoint, s.LocalEndpoint)].SelectMany(c => c.Holders).Select(h => h.Process).FirstOrDefault()))
            .Take(64)
            .ToList();
    }

    /// <summary>The kernel's precision for start times: 10 ms.</summary>
    private static long Centiseconds(DateTime utc) => utc.Ticks / (TimeSpan.TicksPerMillisecond * 10);

    /// <summary>Builds one target: its refusal or pinned handle, its facts, its signal, its supervisor and children.</summary>
    private sealed class TargetBuilder(KillPlanner? planner, Snapshot snapshot, KillRequest request, bool pin, bool allowAncestor)
    {
        private readonly Dictionary<int, ProcessInfo> _known = snapshot.Sockets.SelectMany(s => s.Holders)
            .DistinctBy(h => h.Pid).ToDictionary(h => h.Pid, h => h.Process);

        private readonly Dictionary<int, TargetFacts> _facts = [];

        public bool Busy(int pid) => planner?.Busy(pid) == true;

        public ProcessInfo? Lookup(int pid)
        {
            if (_known.TryGetValue(pid, out var known) || planner is null || pid <= 0)
            {
                return known;
            }

            var read = planner.Processes.Read(pid);
            if (read is not null)
            {
                _known[pid] = read;
            }

            return read;
        }

        public TargetFacts FactsOf(int pid) => planner is null ? TargetFacts.None
            : _facts.TryGetValue(pid, out var f) ? f : _facts[pid] = planner._facts.Read(pid);

        public KillTarget Target(ProcessInfo process, SocketEntry? socket, bool checkInode = true)
        {
            var facts = FactsOf(process.Pid);
            var parent = Lookup(process.ParentPid);
            var daemon = DaemonStops.For(process, facts, parent is null ? TargetFacts.None : FactsOf(parent.Pid), parent);
            var children = socket is null ? [] : HolderTree.DescendantsOf(socket, process);
            bool Same(ProcessInfo child) => facts.Exe is { } exe && FactsOf(child.Pid).Exe == exe;
            var known = planner?.KnownRestarters;
            var (handle, issue, refusal, error, ancestor) = Pin(process, socket is not null && checkInode ? socket.Inode : 0);
            return new KillTarget(process, handle, issue)
            {
                Refusal = refusal, OpenError = error, IsAncestor = ancestor, Facts = facts, Daemon = request.Explicit ? null : daemon,
                Signal = request.Explicit || daemon is null ? request.Signal : daemon.Signal,
                Supervisor = SupervisorFinder.Find(process, facts, Lookup, FactsOf, known),
                SameProgramChildren = children.Where(Same).ToList(),
                OtherChildren = children.Where(c => !Same(c)).ToList(),
            };
        }

        /// <summary>A worker (holds its parent's listener too, same program) or a per-connection child.</summary>
        public WorkerKind WorkerKindOf(ProcessInfo child, ProcessInfo parent, SocketEntry socket)
        {
            bool holdsListener = snapshot.Sockets.Any(s => s.Host == socket.Host && s.Netns == socket.Netns && s.LocalPort == socket.LocalPort
                && s.Role == SocketRole.Listener && s.Holders.Any(h => h.Pid == child.Pid) && s.Holders.Any(h => h.Pid == parent.Pid));
            bool sameProgram = FactsOf(child.Pid).Exe is { } exe && FactsOf(parent.Pid).Exe == exe;
            return holdsListener && sameProgram ? WorkerKind.PreFork : holdsListener ? WorkerKind.None : WorkerKind.PerConnection;
        }

        private (IProcessHandle?, TargetIssue, KillRefusal, SignalError, bool) Pin(ProcessInfo process, ulong inode)
        {
            var refusal = planner is null ? KillPolicy.AnyHost.Check(process) : planner.PolicyCheck(process);
            bool ancestor = refusal == KillRefusal.Ancestor;
            if (refusal != KillRefusal.None && !(ancestor && allowAncestor))
            {
                return (null, TargetIssue.Refused, refusal, SignalError.None, ancestor);
            }

            if (!pin || planner is null)
            {
                return (null, process.StartTimeUtc is null ? TargetIssue.StartTimeUnknown : TargetIssue.None, KillRefusal.None, SignalError.None, ancestor);
            }

            return planner.PinProcess(process, inode, ancestor);
        }
    }

    private KillRefusal PolicyCheck(ProcessInfo process) => policy.Check(process);

    private (IProcessHandle?, TargetIssue, KillRefusal, SignalError, bool) PinProcess(ProcessInfo process, ulong inode, bool ancestor)
    {
        var handle = sender.Open(process.Pid, process.StartTimeTicks, out var error);
        if (handle is null)
        {
            return (null, TargetIssue.OpenFailed, KillRefusal.None, error, ancestor);
        }

        if (!StillHolds(process.Pid, inode))
        {
            handle.Dispose();
            return (null, TargetIssue.NoLongerHolds, KillRefusal.None, SignalError.None, ancestor);
        }

        return (handle, TargetIssue.None, KillRefusal.None, SignalError.None, ancestor);
    }

    /// <summary>True when the fd table still has the socket, or cannot be read (then the pidfd alone vouches).</summary>
    private bool StillHolds(int pid, ulong inode)
    {
        if (inode == 0)
        {
            return true;
        }

        var sockets = new List<SocketFd>();
        var status = FdTableReader.ReadSockets(root.PidFile(pid, "fd"), sockets, out _);
        return status != LinkStatus.Ok || sockets.Exists(s => s.Inode == inode);
    }
}
