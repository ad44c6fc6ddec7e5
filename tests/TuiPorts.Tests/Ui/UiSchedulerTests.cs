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
    public void Cancelled_work_never_runs()
    {
        using var app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var scheduler = new UiScheduler(app);
        int ran = 0;

        int control = 0;
        var work = scheduler.Schedule(TimeSpan.FromMilliseconds(1), () => ran++);
        scheduler.Schedule(TimeSpan.FromMilliseconds(1), () => control++);
        work.Dispose();
        Thread.Sleep(20); // both are due now; only the one not cancelled may run
        app.TimedEvents!.RunTimers();

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
