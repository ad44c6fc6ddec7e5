using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Remote;

/// <summary>
/// One remote host of the several-host view: one ssh session running <c>tuiports --stream</c> there, its lines turned
/// into the host's snapshots, and its faults into statuses - unreachable, no tuiports, a dropped connection, a remote
/// error (ssh's own words), garbage on the stream, a line over the cap, a flood over the budget - each followed by a
/// reconnect after a backoff (1 s, doubling to 30 s; back to 1 s only after a session that stayed live for
/// <see cref="HealthySession"/> and did not end in an error of its own). A connected host that sends no line, not even
/// a heartbeat, for <see cref="Heartbeat.StaleAfter"/> is <see cref="HostState.Stale"/> until its next line; while a
/// retry connects, the last failure stays shown. Timers run on the injected scheduler; every duration (silence, the
/// backoff's countdown, a healthy session, the budget, bytes/s) is measured on <paramref name="time"/>'s monotonic clock,
/// its wall clock only dates the last data. So all of it is tested on virtual time with a fake
/// <see cref="IProcessLauncher"/>, and a wall-clock step changes none of it. Disposing the subscription ends the session.
/// </summary>
/// <param name="time">The clock the screen reads too (its monotonic moments are compared with the statuses').</param>
public sealed partial class RemoteHostFeed(string host, IProcessLauncher launcher, IRemoteShell shell, IReadOnlyList<string> streamArguments, IScheduler scheduler, TimeProvider time)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    /// <summary>A session live this long that then drops was a good one: the next retry is soon again.</summary>
    public static readonly TimeSpan HealthySession = MaxRetry;

    public string Host => host;

    /// <summary>This host's traffic and lag, across its sessions (the hosts list reads it).</summary>
    public HostMeter Meter { get; } = new();

    /// <summary>Cold: each subscription starts its own session at once (status Connecting first).</summary>
    public IObservable<HostSnapshot> Updates() =>
        Observable.Create<HostSnapshot>(observer => new Session(this, Observer.Synchronize(observer)).Start());

    private string ShellProgram => shell.Program;

    /// <summary>Monotonic now: for every duration.</summary>
    private TimeSpan Now => Live.Monotonic.Now(time);

    /// <summary>The wall clock: only for the last data's time of day.</summary>
    private DateTimeOffset Date => time.GetUtcNow();

    private IRemoteProcess Start() => launcher.Start(shell.Program, shell.For(host, streamArguments));

    private IDisposable Schedule(TimeSpan wait, Action action) => scheduler.Schedule(wait, action);
}
