using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Wire;

/// <summary>
/// <c>tuiports --stream</c>'s loop: subscribes to the same <see cref="SnapshotPoller"/> the UI and <c>soak</c> run, writes
/// each changed scan through a <see cref="SnapshotStreamWriter"/> (the first whole, then the changes), and when nothing
/// was written for a heartbeat period writes a <see cref="Heartbeat"/> line instead. Scans, lines and heartbeats all
/// run on one scheduler, so they never overlap; a failed write (the reader is gone) ends it.
/// </summary>
public sealed class StreamPublisher
{
    private readonly SnapshotPoller _poller;
    private readonly SocketQuery _query;
    private readonly SnapshotStreamWriter _writer;
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _heartbeat;
    private readonly Func<IEnumerable<SocketEntry>, List<SocketEntry>> _firstOrder;

    /// <param name="scheduler">The poller's scheduler: the lines and the heartbeats are written on it too.</param>
    /// <param name="firstOrder">The order of the first, whole document (the <c>--once</c> order).</param>
    public StreamPublisher(
        SnapshotPoller poller, SocketQuery query, SnapshotStreamWriter writer, IScheduler scheduler, TimeSpan heartbeat,
        Func<IEnumerable<SocketEntry>, List<SocketEntry>> firstOrder)
    {
        _poller = poller;
        _query = query;
        _writer = writer;
        _scheduler = scheduler;
        _heartbeat = heartbeat;
        _firstOrder = firstOrder;
    }

    /// <summary>Raised on the scheduler when a scan fails (the stream goes on): the reason, for stderr.</summary>
    public event Action<string>? ScanFailed;

    /// <summary>Starts publishing; <paramref name="readerGone"/> is called once when a write fails. Dispose stops it.</summary>
    public IDisposable Start(Action readerGone)
    {
        var beat = new SerialDisposable();
        bool stopped = false;
        void Guarded(Action write)
        {
            if (stopped)
            {
                return;
            }

            try
            {
                write();
            }
            catch (IOException)
            {
                stopped = true; // the reader is gone (| head, the ssh session ended): nothing left to say
                beat.Dispose();
                readerGone();
            }
        }

        void Arm() => beat.Disposable = _scheduler.Schedule(_heartbeat, () => Guarded(() =>
        {
            if (_writer.Started)
            {
                _writer.WriteHeartbeat(new Heartbeat(_scheduler.Now.ToLocalTime(), _poller.LastScanTime));
            }

            Arm();
        }));

        var results = _poller.Results().Subscribe(result => Guarded(() =>
        {
            if (result.Snapshot is not { } snapshot)
            {
                if (result.Failure is { } failure)
                {
                    ScanFailed?.Invoke(Wording.RefreshFailed(failure));
                }

                return;
            }

            var matching = snapshot.Sockets.Where(_query.Matches);
            if (_writer.Write(snapshot, _writer.Started ? matching.ToList() : _firstOrder(matching)) > 0)
            {
                Arm(); // a line was written: the next heartbeat is due a whole period from now
            }
        }));
        Arm();
        return new CompositeDisposable(results, beat);
    }
}
