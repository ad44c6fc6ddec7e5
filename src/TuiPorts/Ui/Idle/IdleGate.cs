using Terminal.Gui.App;

namespace TuiPorts.Ui.Idle;

/// <summary>
/// Holds Terminal.Gui's main loop while nothing happens. The loop runs an iteration 25 times a second even when idle;
/// at the start of each one (<see cref="IApplication.Iteration"/>), once no input has arrived for
/// <see cref="QuietAfter"/>, the gate waits until the next timer is due (at most <see cref="MaxWait"/>) or until it is
/// woken: by input, by work queued from another thread (<c>Invoke</c>, the Rx UI scheduler), or by a resize. Input keeps
/// the loop free-running for a while, so Esc and click timeouts still run. Free-running iterations are paced here too
/// (<see cref="Pace"/>, Terminal.Gui's own 25 a second), on the same event: Terminal.Gui's pause after an iteration is a
/// <c>Task.Delay(...).Wait()</c> (a timer thread's wake-up and a spin for each) that no key can cut short, so
/// <see cref="QuietMainLoop"/> turns it off and a key or queued work ends this wait at once.
/// </summary>
public sealed class IdleGate : IDisposable
{
    public static readonly TimeSpan QuietAfter = TimeSpan.FromMilliseconds(750);
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    private readonly AutoResetEvent _wake = new(false);
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan?> _nextTimer;
    private readonly TimeSpan _maxWait;
    private readonly TimeSpan _pace;
    private long _lastActivity;
    private long? _lastIteration;

    /// <param name="nextTimer">How long until the UI loop's next timer is due (null: none).</param>
    /// <param name="maxWait">The longest wait (<see cref="MaxWait"/> unless told otherwise).</param>
    /// <param name="pace">The least time between the starts of two free-running iterations (<see cref="Pace"/>).</param>
    public IdleGate(TimeProvider time, Func<TimeSpan?> nextTimer, TimeSpan? maxWait = null, TimeSpan? pace = null)
    {
        _time = time;
        _nextTimer = nextTimer;
        _maxWait = maxWait ?? MaxWait;
        _pace = pace ?? Pace;
        _lastActivity = time.GetTimestamp();
    }

    /// <summary>What an iteration's start did.</summary>
    public enum Outcome
    {
        /// <summary>Input is recent (or a timer is due): the iteration runs at once.</summary>
        RanFreely,

        /// <summary>It waited and was woken (input, queued work, a resize).</summary>
        Woken,

        /// <summary>It waited until the next timer was due, or the longest wait passed.</summary>
        TimedOut,
    }

    /// <summary>Input arrived: run now, and keep running freely for <see cref="QuietAfter"/>.</summary>
    public void OnInput()
    {
        Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
        _wake.Set();
    }

    /// <summary>Something must be drawn or run (queued work, a resize): run one iteration now.</summary>
    public void Wake() => _wake.Set();

    /// <summary>How long the next quiet iteration would wait: until the next timer, at most the longest wait.</summary>
    public TimeSpan? PlannedWait()
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) < QuietAfter)
        {
            return null;
        }

        var wait = _nextTimer() is { } due && due < _maxWait ? due : _maxWait;
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>How long a free-running iteration would wait for its turn: the rest of <see cref="Pace"/> since the last
    /// one started (null: none to wait).</summary>
    public TimeSpan? PlannedPace()
    {
        if (_lastIteration is not long last)
        {
            return null;
        }

        var rest = _pace - _time.GetElapsedTime(last);
        return rest > TimeSpan.Zero ? rest : null;
    }

    /// <summary>Called at the start of every main-loop iteration, on the UI thread; may block.</summary>
    public Outcome OnIteration()
    {
        Outcome outcome;
        if (PlannedWait() is { } wait)
        {
            outcome = _wake.WaitOne(wait) ? Outcome.Woken : Outcome.TimedOut;
        }
        else
        {
            if (PlannedPace() is { } rest)
            {
                _wake.WaitOne(rest); // a key or queued work ends it early
            }

            outcome = Outcome.RanFreely;
        }

        _lastIteration = _time.GetTimestamp();
        return outcome;
    }

    public void Dispose() => _wake.Dispose();
}
