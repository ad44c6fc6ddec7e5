using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using TuiPorts.Ui.Idle;

namespace TuiPorts.Tests.Ui;

/// <summary>The idle design's guards: the private field is still there, and the gate waits and wakes as specified.</summary>
public sealed class QuietMainLoopTests
{
    [Fact]
    public void Terminal_Gui_still_has_the_component_factory_field_the_quiet_input_is_installed_through()
    {
        using var app = Application.Create();

        Assert.True(QuietMainLoop.CanInstall(app), "Terminal.Gui renamed ApplicationImpl._componentFactory: the UI falls back to the stock input loop");
    }

    [Fact]
    public void Installing_before_init_replaces_the_input_and_reports_no_fallback()
    {
        using var app = Application.Create();
        using var quiet = QuietMainLoop.Install(app);

        Assert.True(quiet.IsInstalled);
        Assert.Null(quiet.FallbackReason);
    }

    [Fact]
    public void Right_after_input_the_gate_lets_iterations_run_freely()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => TimeSpan.FromSeconds(5));
        time.Advance(IdleGate.QuietAfter * 2);
        gate.OnInput();
        time.Advance(IdleGate.QuietAfter / 2);

        Assert.Null(gate.PlannedWait());
        Assert.Equal(IdleGate.Outcome.RanFreely, gate.OnIteration());
    }

    [Theory]
    [InlineData(60, 60)]     // the next timer is due in 60 ms: wait exactly that
    [InlineData(5000, 1000)] // a timer far away: at most the longest wait, so a missed wake costs a second at worst
    [InlineData(null, 1000)] // no timer at all: the longest wait
    public void When_quiet_the_gate_waits_for_the_next_timer_and_no_longer(int? timerMs, int expectedMs)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => timerMs is int ms ? TimeSpan.FromMilliseconds(ms) : null);
        time.Advance(IdleGate.QuietAfter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), gate.PlannedWait());
    }

    [Fact]
    public async Task Work_queued_from_another_thread_wakes_a_waiting_gate()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => null, maxWait: TimeSpan.FromHours(1)); // only a wake can end this wait
        time.Advance(IdleGate.QuietAfter);
        var iteration = Task.Factory.StartNew(gate.OnIteration, TaskCreationOptions.LongRunning);

        gate.Wake(); // before or during the wait: the event stays set until the wait takes it

        Assert.Equal(IdleGate.Outcome.Woken, await iteration.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_wait_with_nothing_to_wake_it_times_out()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => TimeSpan.FromMilliseconds(1));
        time.Advance(IdleGate.QuietAfter);

        Assert.Equal(IdleGate.Outcome.TimedOut, gate.OnIteration());
    }

    [Fact]
    public void Free_running_iterations_start_a_pace_apart()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => null);
        gate.OnInput();

        Assert.Null(gate.PlannedPace()); // the first iteration goes at once
        Assert.Equal(IdleGate.Outcome.RanFreely, gate.OnIteration());
        time.Advance(TimeSpan.FromMilliseconds(15));
        Assert.Equal(IdleGate.Pace - TimeSpan.FromMilliseconds(15), gate.PlannedPace());
        time.Advance(IdleGate.Pace);
        Assert.Null(gate.PlannedPace()); // a slow iteration: the next one goes at once
    }

    [Fact]
    public async Task A_key_ends_the_wait_between_free_running_iterations()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => null, pace: TimeSpan.FromHours(1)); // only a wake can end this wait
        gate.OnInput();
        gate.OnIteration();
        var iteration = Task.Factory.StartNew(gate.OnIteration, TaskCreationOptions.LongRunning);

        gate.OnInput();

        Assert.Equal(IdleGate.Outcome.RanFreely, await iteration.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Started_the_loop_leaves_the_pause_after_an_iteration_to_the_gate_and_gives_it_back_when_disposed()
    {
        ushort stock = Application.MaximumIterationsPerSecond;
        var app = Application.Create();
        var quiet = QuietMainLoop.Install(app);
        app.Init(DriverRegistry.Names.ANSI);
        try
        {
            quiet.Start();
            Assert.Equal(ushort.MaxValue, Application.MaximumIterationsPerSecond); // 1000 / 65535 = 0 ms: no Task.Delay
        }
        finally
        {
            quiet.Dispose();
            app.Dispose();
        }

        Assert.Equal(stock, Application.MaximumIterationsPerSecond);
    }
}
