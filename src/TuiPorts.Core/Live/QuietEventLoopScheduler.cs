using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace TuiPorts.Core.Live;

/// <summary>
/// An event loop on one dedicated thread that sleeps in the kernel until its next item is due: what the scans run on.
/// </summary>
/// <remarks>
/// Rx's <see cref="EventLoopScheduler"/> does the same work but waits on a <c>SemaphoreSlim</c>, which spins before
/// it sleeps, and wakes through a thread-pool timer: at idle that was ~64 <c>sched_yield</c> calls after every scan
/// (strace -f, docs/performance.md). Here the loop thread waits on an <see cref="AutoResetEvent"/> with the time to
/// the earliest item as its timeout, so a 1 s refresh wakes this thread once a second and no other.
/// Items run one at a time in due order (ties in scheduling order); an exception in an item ends the process, as on
/// any thread.
/// </remarks>
public sealed class QuietEventLoopScheduler : LocalScheduler, IDisposable
{
    private readonly object _gate = new();
    private readonly SchedulerQueue<long> _queue = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private bool _disposed;

    public QuietEventLoopScheduler(string threadName)
    {
        _thread = new Thread(Loop) { Name = threadName, IsBackground = true };
        _thread.Start();
    }

    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        long due = Stopwatch.GetTimestamp() + (long)(Math.Max(0, dueTime.Ticks) * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
        var item = new ScheduledItem<long, TState>(this, state, action, due);
        bool first;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(item);
            first = ReferenceEquals(_queue.Peek(), item);
        }

        if (first && Environment.CurrentManagedThreadId != _thread.ManagedThreadId)
        {
            _wake.Set(); // the loop sleeps until a later item: wake it to shorten its wait (its own items it sees itself)
        }

        return Disposable.Create(() =>
        {
            item.Cancel();
            lock (_gate)
            {
                _queue.Remove(item); // no wake-up at the due time of an item nobody wants any more
            }
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _wake.Set();
        if (Environment.CurrentManagedThreadId != _thread.ManagedThreadId)
        {
            _thread.Join(TimeSpan.FromSeconds(1)); // an item still running is given a moment, never waited on forever
        }
    }

    private void Loop()
    {
        while (true)
        {
            ScheduledItem<long>? next = null;
            int waitMs = Timeout.Infinite;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                if (_queue.Count > 0)
                {
                    long now = Stopwatch.GetTimestamp();
                    var head = _queue.Peek();
                    if (head.DueTime <= now)
                    {
                        next = _queue.Dequeue();
                    }
                    else
                    {
                        waitMs = (int)Math.Min(int.MaxValue, Math.Ceiling((head.DueTime - now) * 1000.0 / Stopwatch.Frequency));
                    }
                }
            }

            if (next is not null)
            {
                next.Invoke(); // skips an item cancelled meanwhile
            }
            else
            {
                _wake.WaitOne(waitMs);
            }
        }
    }
}
