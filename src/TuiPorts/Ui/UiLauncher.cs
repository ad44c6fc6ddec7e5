using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>
/// Runs the full-screen UI: terminal set-up, the live pipeline (background scans, UI-thread delivery), signal handling
/// and a terminal that is always restored - on q/F10, SIGTERM, SIGHUP, SIGINT, SIGQUIT and unhandled exceptions.
/// </summary>
public static class UiLauncher
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    /// <summary>After a hang-up nobody is watching and Terminal.Gui's shutdown can spin on a dead pty: cut it short.</summary>
    private static readonly TimeSpan HangupGrace = TimeSpan.FromMilliseconds(300);
    private static int _exitSignal;

    /// <summary>The running app, for signal handlers (they run on another thread and may only Invoke into it).</summary>
    private static volatile IApplication? ActiveApp;

    private const string MouseMode = "\e[?1003l\e[?1002h";

    /// <summary>What Ctrl+Z's resume writes before the full redraw: alternate screen, hidden cursor, our mouse mode.</summary>
    public const string ReenterSequence = "\e[?1049h\e[?25l\e[?1002h\e[?1006h";

    public static int Run(ProcRoot root, SocketQuery query, UiSettings settings, TextWriter error)
    {
        if (!TerminalGuard.IsTerminal)
        {
            error.WriteLine("tuiports: the live UI needs a terminal (stdin is not a tty); use --once for scripts");
            return ExitCodes.Usage;
        }

        if (Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb")
        {
            error.WriteLine("tuiports: this terminal (TERM unset or dumb) cannot draw a full-screen UI; use --once, or set TERM=xterm");
            return ExitCodes.Usage;
        }

        TerminalGuard.Save();
        using var signals = RegisterSignals();
        IApplication? app = null;
        try
        {
            if (settings.Colors == ColorMode.None)
            {
                Environment.SetEnvironmentVariable("NO_COLOR", "1");
            }

            app = InitApplication(settings);
            var source = FaultInjection.Wrap(new ProcSnapshotSource(root));
            var context = new UiContext(root, settings, query, ServicesFile.Default, TimeProvider.System, NativeIsRoot());
            using var window = new MainWindow(app, context);
            window.SuspendRequested += () =>
            {
                TerminalGuard.SuspendUntilResumed(ReenterSequence);
                app.LayoutAndDraw(forceRedraw: true);
            };
            using var scans = new EventLoopScheduler(start => new Thread(start) { Name = "tuiports-scan", IsBackground = true });
            var poller = new SnapshotPoller(source, scans, settings.Interval);
            window.PauseToggled += poller.SetPaused;
            KillFlow.Attach(app, window, context, poller);
            using var subscription = poller.Results()
                .ObserveOn(new UiScheduler(app))
                .Subscribe(window.Apply, e => window.ShowNotice($"live refresh stopped: {e.Message}"));
            app.AddTimeout(TimeSpan.FromSeconds(1), () =>
            {
                window.Tick();
                return true;
            });
            ActiveApp = app;
            app.Run(window);
            ActiveApp = null;
            int code = _exitSignal == 0 ? ExitCodes.Ok : 128 + _exitSignal;
            ArmExitWatchdog(code); // a last guard: if disposing the UI hangs, the terminal is still restored and we exit
            return code;
        }
        catch (Exception e)
        {
            ActiveApp = null;
            DisposeQuietly(app);
            app = null;
            TerminalGuard.Restore();
            error.WriteLine($"tuiports: unexpected error, terminal restored: {e}");
            return ExitCodes.Failure;
        }
        finally
        {
            DisposeQuietly(app);
            TerminalGuard.Restore();
        }
    }

    private static IApplication InitApplication(UiSettings settings)
    {
        // Terminal.Gui probes the clipboard through `bash -c which xclip`; under sshd that sources ~/.bashrc (~1 s).
        string? sshClient = Environment.GetEnvironmentVariable("SSH_CLIENT");
        Environment.SetEnvironmentVariable("SSH_CLIENT", null);
        var app = Application.Create();
        try
        {
            app.Init();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SSH_CLIENT", sshClient);
        }

        if (settings.Colors == ColorMode.Sixteen)
        {
            app.Driver!.Force16Colors = true;
        }

        // Keep clicks and drags but not any-motion tracking, which floods a slow SSH link on every mouse move.
        app.Driver!.WriteRaw(MouseMode);
        return app;
    }

    private static CompositeRegistration RegisterSignals()
    {
        var registrations = new CompositeRegistration();
        // On SIGCONT (fg after Ctrl+Z) .NET would re-apply the terminal mode it last set itself, racing the raw mode
        // tuiports restores: cancel that default; TerminalGuard.SuspendUntilResumed puts the UI's mode back.
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, context => context.Cancel = true));
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                RequestShutdown(SignalNumber(context.Signal));
            }));
        }

        return registrations;
    }

    /// <summary>Asks the UI loop to stop; if it has not within a second (a hung-up pty), restores and exits.</summary>
    private static void RequestShutdown(int signalNumber)
    {
        _exitSignal = signalNumber;
        var app = ActiveApp;
        app?.Invoke(app.RequestStop);
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(signalNumber == 1 ? HangupGrace : ShutdownGrace);
            TerminalGuard.Restore();
            TerminalGuard.ExitNow(128 + signalNumber); // no managed shutdown: it is what hangs
        })
        { IsBackground = true, Name = "tuiports-shutdown-watchdog" };
        watchdog.Start();
    }

    /// <summary>If disposing the UI has not finished in time, restore the terminal and leave with the intended code.</summary>
    private static void ArmExitWatchdog(int code)
    {
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(ShutdownGrace * 2);
            TerminalGuard.Restore();
            TerminalGuard.ExitNow(code);
        })
        { IsBackground = true, Name = "tuiports-exit-watchdog" };
        watchdog.Start();
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => 15,
    };

    private static bool NativeIsRoot() => Environment.IsPrivilegedProcess;

    private static void DisposeQuietly(IApplication? app)
    {
        try
        {
            app?.Dispose();
        }
        catch (Exception)
        {
            // shutting down after a failure: restoring the terminal matters more than a clean dispose
        }
    }

    private sealed class CompositeRegistration : IDisposable
    {
        private readonly List<IDisposable> _items = [];

        public void Add(IDisposable item) => _items.Add(item);

        public void Dispose() => _items.ForEach(i => i.Dispose());
    }
}
