using System.Reactive.Disposables;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Remote;

public sealed partial class RemoteHostFeed
{
    /// <summary>One subscription: ssh sessions one after another, each watched for silence, garbage and floods.</summary>
    private sealed class Session(RemoteHostFeed feed, IObserver<HostSnapshot> observer) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly SerialDisposable _retry = new();
        private readonly SerialDisposable _watchdog = new();
        private IRemoteProcess? _process;
        private IDisposable? _output;
        private TimeSpan _delay = FirstRetry;
        private string? _error; // what this session did wrong (garbage, a flood): it ends with this, never reset the backoff
        private HostState _errorState;
        private HostStatus? _failure;
        private HostBudget _budget = new();
        private TimeSpan? _liveSince; // monotonic, like _lastLine
        private TimeSpan _lastLine;
        private DateTimeOffset? _lastData;
        private Snapshot? _snapshot;
        private bool _stale;
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
                _watchdog.Dispose();
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
                _error = null;
                _budget = new HostBudget();
                _liveSince = null;
                _snapshot = null;
                _stale = false;
                feed.Meter.SessionStarted(feed.Now);
                // a retry keeps the last failure on screen (the host stays unreachable until it is live again)
                observer.OnNext(new HostSnapshot(_failure is { } failure ? failure with { RetryAt = null } : Status(HostState.Connecting), null));
                IRemoteProcess process;
                try
                {
                    process = feed.Start();
                }
                catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
                {
                    Ended(generation, null, Wording.CannotRun(feed.ShellProgram, e.Message));
                    return;
                }

                var reader = new SnapshotStreamReader(feed.Host);
                _process = process;
                _output = process.Output.Subscribe(
                    line => OnLine(generation, reader, line),
                    error => OnEnded(generation, process, error),
                    () => OnEnded(generation, process, null));
            }
        }

        private void OnLine(int generation, SnapshotStreamReader reader, string line)
        {
            lock (_gate)
            {
                if (generation != _generation || _disposed || _error is not null)
                {
                    return;
                }

                var now = feed.Now;
                if (_budget.Take(now, line.Length + 1) is { } flood)
                {
                    Abort(HostState.Failed, flood);
                    return;
                }

                StreamLine read;
                try
                {
                    read = reader.ReadLine(line);
                }
                catch (FormatException e)
                {
                    Abort(HostState.Garbage, Wording.HostGarbage(line, e.Message));
                    return;
                }

                _lastLine = now;
                var date = feed.Date;
                feed.Meter.Line(date, line.Length + 1, read.IsData, read.Heartbeat?.At ?? read.Snapshot?.TakenAt, read.Heartbeat?.LastScan);
                if (read.IsData)
                {
                    _lastData = date;
                    _snapshot = read.Snapshot;
                    _liveSince ??= now;
                    _failure = null;
                    _stale = false;
                    observer.OnNext(new HostSnapshot(Status(HostState.Live), _snapshot));
                }
                else if (_stale && _snapshot is not null)
                {
                    _stale = false;
                    observer.OnNext(new HostSnapshot(Status(HostState.Live), _snapshot)); // it speaks again
                }

                if (_snapshot is not null && _watchdog.Disposable is null)
                {
                    Watch(generation, Heartbeat.StaleAfter);
                }
            }
        }

        /// <summary>Checks for silence at the last line's time + StaleAfter (one timer, moved on only when it fires).</summary>
        private void Watch(int generation, TimeSpan wait) => _watchdog.Disposable = feed.Schedule(wait, () =>
        {
            lock (_gate)
            {
                if (generation != _generation || _disposed)
                {
                    return;
                }

                var silent = feed.Now - _lastLine;
                if (silent < Heartbeat.StaleAfter)
                {
                    Watch(generation, Heartbeat.StaleAfter - silent);
                    return;
                }

                _watchdog.Disposable = null; // armed again by the next line
                if (!_stale && _snapshot is not null)
                {
                    _stale = true;
                    observer.OnNext(new HostSnapshot(Status(HostState.Stale), _snapshot)); // its rows stay, marked
                }
            }
        });

        /// <summary>The session broke the protocol: nothing after it can be trusted; end it, and say why.</summary>
        private void Abort(HostState state, string message)
        {
            _error = message;
            _errorState = state;
            observer.OnNext(new HostSnapshot(Status(state) with { Message = message }, null));
            _process?.Kill();
        }

        private void OnEnded(int generation, IRemoteProcess process, Exception? readError)
        {
            lock (_gate)
            {
                if (generation != _generation || _disposed)
                {
                    return;
                }

                if (readError is LineTooLongException tooLong && _error is null)
                {
                    _error = tooLong.Message;
                    _errorState = HostState.Failed;
                }

                Ended(generation, process, _error ?? Wording.HostEnded(process.ErrorText, process.ExitCode, readError?.Message));
                process.Dispose();
            }
        }

        /// <summary>Reports the failure and schedules the next attempt (under the lock).</summary>
        private void Ended(int generation, IRemoteProcess? process, string message)
        {
            var now = feed.Now;
            if (_error is null && _liveSince is { } since && now - since >= HealthySession)
            {
                _delay = FirstRetry; // a long good session that dropped: reconnect soon
            }

            var wait = _delay;
            _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxRetry.Ticks));
            var state = _error is not null && process is not null ? _errorState : HostState.Failed;
            _failure = Status(state) with { Message = message, RetryAt = now + wait };
            _watchdog.Disposable = null;
            observer.OnNext(new HostSnapshot(_failure, null));
            if (generation == _generation)
            {
                _retry.Disposable = feed.Schedule(wait, Connect);
            }
        }

        private HostStatus Status(HostState state) =>
            new(feed.Host, state) { LastLine = _liveSince is null ? null : _lastLine, LastData = _lastData, Meter = feed.Meter };
    }
}
