using System.Diagnostics;
using Terminal.Gui.App;
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
        using var gate = new IdleGate(TimeProvider.System, () => TimeSpan.FromSeconds(5));
        gate.OnInput();

        var watch = Stopwatch.StartNew();
        gate.OnIteration();

        Assert.True(watch.ElapsedMilliseconds < 100, $"waited {watch.ElapsedMilliseconds} ms right after input");
        Assert.Equal(0, gate.Waits);
    }

    [Fact]
    public void When_quiet_the_gate_waits_for_the_next_timer_and_no_longer()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => TimeSpan.FromMilliseconds(60));
        time.Advance(IdleGate.QuietAfter);

        var watch = Stopwatch.StartNew();
        gate.OnIteration();

        Assert.Equal(1, gate.Waits);
        Assert.InRange(watch.ElapsedMilliseconds, 40, 900);
    }

    [Fact]
    public async Task Work_queued_from_another_thread_wakes_a_waiting_gate_at_once()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var gate = new IdleGate(time, () => null); // no timer: would wait the full second
        time.Advance(IdleGate.QuietAfter);
        using var waiting = new ManualResetEventSlim();
        var iteration = Task.Factory.StartNew(
            () =>
            {
                waiting.Set();
                var watch = Stopwatch.StartNew();
                gate.OnIteration();
                return watch.ElapsedMilliseconds;
            },
            TaskCreationOptions.LongRunning);

        waiting.Wait();
        Thread.Sleep(100);
        gate.Wake();

        long waited = await iteration.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.InRange(waited, 50, 700); // woken after ~100 ms, not after the full second
    }
}
