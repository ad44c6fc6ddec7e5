using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using TuiPorts.Core.Live;

namespace TuiPorts.Core.Tests.Live;

/// <summary>The scan thread's scheduler: order, cancellation, wake-ups and shutdown, told by events (no timed asserts).</summary>
public sealed class QuietEventLoopSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // only ever reached when the test fails

    [Fact]
    public void Items_run_one_at_a_time_on_the_named_thread_in_due_order()
    {
        using var scheduler = new QuietEventLoopScheduler("test-loop");
        var ran = new ConcurrentQueue<string>();
        using var done = new ManualResetEventSlim();
        using var hold = new ManualResetEventSlim();

        scheduler.Schedule(() => hold.Wait(Patience)); // holds the loop while the rest is queued
        scheduler.Schedule(TimeSpan.FromSeconds(2), () => ran.Enqueue("late"));
        scheduler.Schedule(TimeSpan.FromSeconds(2), () => { ran.Enqueue("late, queued second"); done.Set(); });
        scheduler.Schedule(() => ran.Enqueue($"now on {Thread.CurrentThread.Name}"));
        hold.Set();

        Assert.True(done.Wait(Patience));
        Assert.Equal(["now on test-loop", "late", "late, queued second"], ran);
    }

    [Fact]
    public void An_earlier_item_from_another_thread_wakes_a_loop_that_sleeps_until_a_later_one()
    {
        using var scheduler = new QuietEventLoopScheduler("test-loop");
        using var soon = new ManualResetEventSlim();
        scheduler.Schedule(TimeSpan.FromHours(1), () => { });

        scheduler.Schedule(TimeSpan.Zero, soon.Set);

        Assert.True(soon.Wait(Patience));
    }

    [Fact]
    public void A_cancelled_item_never_runs_and_the_rest_still_do()
    {
        using var scheduler = new QuietEventLoopScheduler("test-loop");
        bool cancelledRan = false;
        using var after = new ManualResetEventSlim();

        var cancelled = scheduler.Schedule(TimeSpan.FromMilliseconds(20), () => cancelledRan = true);
        cancelled.Dispose();
        scheduler.Schedule(TimeSpan.FromMilliseconds(60), after.Set);

        Assert.True(after.Wait(Patience));
        Assert.False(cancelledRan);
    }

    [Fact]
    public void An_item_that_reschedules_itself_keeps_a_periodic_loop_going()
    {
        using var scheduler = new QuietEventLoopScheduler("test-loop");
        int ticks = 0;
        using var tenth = new ManualResetEventSlim();
        void Tick()
        {
            if (Interlocked.Increment(ref ticks) == 10)
            {
                tenth.Set();
                return;
            }

            scheduler.Schedule(TimeSpan.FromMilliseconds(1), Tick);
        }

        scheduler.Schedule(Tick);

        Assert.True(tenth.Wait(Patience));
    }

    [Fact]
    public void Dispose_ends_the_thread_and_refuses_new_items()
    {
        var scheduler = new QuietEventLoopScheduler("test-loop-ending");
        Thread? loop = null;
        using var ran = new ManualResetEventSlim();
        scheduler.Schedule(() => { loop = Thread.CurrentThread; ran.Set(); });
        Assert.True(ran.Wait(Patience));

        scheduler.Dispose();

        Assert.True(loop!.Join(Patience));
        Assert.Throws<ObjectDisposedException>(() => scheduler.Schedule(() => { }));
    }
}
