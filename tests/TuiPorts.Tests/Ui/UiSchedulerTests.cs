using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using TuiPorts.Ui;

namespace TuiPorts.Tests.Ui;

/// <summary>The one crossing onto the UI loop: work scheduled from any thread runs on the loop, delayed work after its delay.</summary>
public sealed class UiSchedulerTests
{
    [Fact]
    public async Task Work_scheduled_from_another_thread_runs_on_the_ui_loop_when_its_timers_run()
    {
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var scheduler = new UiScheduler(app);
        int ran = 0;

        await Task.Run(() => scheduler.Schedule(() => ran++));
        Assert.Equal(0, ran); // queued, not run on the caller's thread

        app.TimedEvents!.RunTimers();
        Assert.Equal(1, ran);
    }

    [Fact]
    public void Delayed_work_runs_when_its_time_comes_and_cancelled_work_never()
    {
        var clock = new ManualClock();
        using var app = Application.Create(clock);
        app.Init(DriverRegistry.Names.ANSI);
        var scheduler = new UiScheduler(app);
        int ran = 0;
        int control = 0;

        var work = scheduler.Schedule(TimeSpan.FromSeconds(1), () => ran++);
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => control++);
        work.Dispose();
        app.TimedEvents!.RunTimers();
        Assert.Equal(0, control); // not due yet

        clock.Advance(TimeSpan.FromSeconds(2)); // both are due now; only the one not cancelled may run
        app.TimedEvents.RunTimers();

        Assert.Equal(1, control); // the timers did run: the cancelled one was skipped, not merely not yet due
        Assert.Equal(0, ran);
    }

    [Fact]
    public void Observe_on_delivers_values_in_order_on_the_loop()
    {
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var received = new List<int>();

        using var subscription = new[] { 1, 2, 3 }.ToObservable().ObserveOn(new UiScheduler(app)).Subscribe(received.Add);
        for (int i = 0; i < 5 && received.Count < 3; i++)
        {
            app.TimedEvents!.RunTimers();
        }

        Assert.Equal([1, 2, 3], received);
    }
}

/// <summary>Terminal.Gui's clock, moved by hand: a timer is due exactly when the test says so.</summary>
internal sealed class ManualClock : Terminal.Gui.Time.ITimeProvider
{
    public DateTime Now { get; private set; } = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Local);

    public void Advance(TimeSpan by) => Now += by;

    public Terminal.Gui.Time.ITimer CreateTimer(TimeSpan interval, Action callback) => throw new NotSupportedException("not used by TimedEvents");

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken = default) => throw new NotSupportedException("not used by TimedEvents");
}
