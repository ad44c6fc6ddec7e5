using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace TuiPorts.Ui.Idle;

/// <summary>
/// Makes an idle UI cost what htop costs (terminal-gui-idle.md): installs <see cref="BlockingAnsiInput"/> through
/// Terminal.Gui's private component-factory field before Init, and gates the main loop with an <see cref="IdleGate"/>
/// woken by input, queued work and SIGWINCH. If the field is not there (another Terminal.Gui version), it leaves the stock
/// driver in place and says why in <see cref="FallbackReason"/>: the UI still works, it only costs more while idle.
/// </summary>
public sealed class QuietMainLoop : IDisposable
{
    private readonly IdleGate _gate;
    private readonly BlockingAnsiInput? _input;
    private readonly PosixSignalRegistration? _resize;
    private readonly IApplication _app;
    private ushort? _stockIterationsPerSecond;

    private QuietMainLoop(IApplication app, IdleGate gate, BlockingAnsiInput? input, string? fallbackReason)
    {
        _app = app;
        _gate = gate;
        _input = input;
        FallbackReason = fallbackReason;
        if (input is not null)
        {
            input.InputArrived += gate.OnInput;
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => gate.Wake());
        }
    }

    /// <summary>Null when the quiet input is installed; otherwise why the stock one runs.</summary>
    public string? FallbackReason { get; }

    public bool IsInstalled => FallbackReason is null;

    /// <summary>Call after <c>Application.Create()</c> and before <c>Init()</c>.</summary>
    public static QuietMainLoop Install(IApplication app)
    {
        BlockingAnsiInput? input = null;
        string? reason = null;
        try
        {
            ref IComponentFactory? factory = ref ComponentFactory(app);
            input = new BlockingAnsiInput();
            factory = new AnsiComponentFactory(input, null, null);
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or InvalidCastException or TypeLoadException)
        {
            input?.Dispose();
            input = null;
            reason = $"Terminal.Gui internals changed ({e.GetType().Name}): using the stock input loop";
        }

        var gate = new IdleGate(TimeProvider.System, () => NextTimer(app));
        return new QuietMainLoop(app, gate, input, reason);
    }

    /// <summary>Call after <c>Init()</c>: the gate starts holding idle iterations.</summary>
    public void Start()
    {
        if (!IsInstalled)
        {
            return;
        }

        _app.Iteration += OnIteration;
        _app.TimedEvents!.Added += OnTimerAdded;
        _stockIterationsPerSecond = Application.MaximumIterationsPerSecond;
        Application.MaximumIterationsPerSecond = ushort.MaxValue; // no Task.Delay after an iteration: the gate paces
    }

    public void Dispose()
    {
        _app.Iteration -= OnIteration;
        if (_stockIterationsPerSecond is ushort stock)
        {
            Application.MaximumIterationsPerSecond = stock;
        }

        if (_app.TimedEvents is { } timers)
        {
            timers.Added -= OnTimerAdded;
        }

        _resize?.Dispose();
        _gate.Wake();
        _gate.Dispose();
    }

    /// <summary>Whether this Terminal.Gui still has the private field the quiet input is installed through.</summary>
    internal static bool CanInstall(IApplication app)
    {
        try
        {
            _ = ComponentFactory(app);
            return true;
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException)
        {
            return false;
        }
    }

    private void OnIteration(object? sender, EventArgs<IApplication?> e) => _gate.OnIteration();

    private void OnTimerAdded(object? sender, TimeoutEventArgs e) => _gate.Wake();

    private static TimeSpan? NextTimer(IApplication app) =>
        app.TimedEvents is TimedEvents timers && timers.CheckTimers(out int waitMs) ? TimeSpan.FromMilliseconds(Math.Max(0, waitMs)) : null;

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactory(
        [UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);
}
