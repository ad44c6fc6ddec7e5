using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Remote;

/// <summary>
/// One remote host of the several-host view: one ssh session running <c>tuiports --stream</c> there, its lines turned
/// into the host's snapshots, and its faults into statuses - unreachable, no tuiports, a dropped connection, a remote
/// error (ssh's own words), garbage on the stream - each followed by a reconnect after a backoff (1 s, doubling to
/// 30 s; back to 1 s once a session was live). While a retry connects, the last failure stays shown. Timers run on the injected scheduler, so all of it is tested on virtual
/// time with a fake <see cref="IProcessLauncher"/>. Disposing the subscription ends the ssh session.
/// </summary>
public sealed class RemoteHostFeed(string host, IProcessLauncher launcher, SshCommand ssh, IReadOnlyList<string> streamArguments, IScheduler scheduler)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    public string Host => host;

    /// <summary>Cold: each subscription starts its own session at once (status Connecting first).</summary>
    public IObservable<HostSnapshot> Updates() =>
        Observable.Create<HostSnapshot>(observer => new Session(this, Observer.Synchronize(observer)).Start());

    private sealed class Session(RemoteHostFeed feed, IObserver<HostSnapshot> observer) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly SerialDisposable _retry = new();
        private IRemoteProcess? _process;
        private IDisposable? _output;
        private TimeSpan _delay = FirstRetry;
        private string? _garbage;
        private HostStatus? _failure;
        private int _generation;
        private bool _disposed;

        public IDisposable Start()
        {
            Connect();
            return this;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _retry.Dispose();
                _output?.Dispose();
                _process?.Dispose();
            }
        }

        private void Connect()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                int generation = ++_generation;
                _garbage = null;
                // a retry keeps the last failure on screen (the host stays unreachable until it is live again)
                observer.OnNext(new HostSnapshot(_failure is { } failure ? failure with { RetryAt = null } : new HostStatus(feed.Host, HostState.Connecting), null));
                IRemoteProcess process;
                try
                {
                    process = feed.Start();
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                {
                    Ended(generation, null, $"cannot run {feed.SshProgram}: {e.Message}");
                    return;
                }

                var reader = new SnapshotStreamReader(feed.Host);
                _process = process;
                _output = process.Output.Subscribe(
                    line => OnLine(generation, reader, line),
                    error => OnEnded(generation, process, error.Message),
                    () => OnEnded(generation, process, null));
            }
        }

        private void OnLine(int generation, SnapshotStreamReader reader, string line)
        {
            lock (_gate)
            {
                if (generation != _generation || _disposed || _garbage is not null)
                {
                    return;
                }

                try
                {
                    var snapshot = reader.Read(line);
                    _delay = FirstRetry; // a live session: the next failure retries soon again
                    _failure = null;
                    observer.OnNext(new HostSnapshot(new HostStatus(feed.Host, HostState.Live), snapshot));
                }
                catch (FormatException e)
                {
                    _garbage = Wording.HostGarbage(line, e.Message);
                    Emit(HostState.Garbage, _garbage);
                    _process?.Kill(); // nothing after garbage can be trusted: start over
                }
            }
        }

        private void OnEnded(int generation, IRemoteProcess process, string? readError)
        {
            lock (_gate)
            {
                if (generation != _generation || _disposed)
                {
                    return;
                }

                Ended(generation, process, _garbage ?? Wording.HostEnded(process.ErrorText, process.ExitCode, readError));
                process.Dispose();
            }
        }

        /// <summary>Reports the failure and schedules the next attempt (under the lock).</summary>
        private void Ended(int generation, IRemoteProcess? process, string message)
        {
            var wait = _delay;
            _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxRetry.Ticks));
            var state = _garbage is not null && process is not null ? HostState.Garbage : HostState.Failed;
            _failure = new HostStatus(feed.Host, state, message, feed.Now + wait);
            observer.OnNext(new HostSnapshot(_failure, null));
            if (generation == _generation)
            {
                _retry.Disposable = feed.Schedule(wait, Connect);
            }
        }

        private void Emit(HostState state, string? message) =>
            observer.OnNext(new HostSnapshot(new HostStatus(feed.Host, state, message), null));
    }

    private string SshProgram => ssh.Ssh;

    private DateTimeOffset Now => scheduler.Now;

    private IRemoteProcess Start() => launcher.Start(ssh.Ssh, ssh.For(host, streamArguments));

    private IDisposable Schedule(TimeSpan wait, Action action) => scheduler.Schedule(wait, action);
}
