using System.Runtime.InteropServices;
using Terminal.Gui.App;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Ui;

/// <summary>
/// One run of the full-screen UI on this terminal: the termios settings saved at start, the app that is running, the
/// signal that ended it, and the guarantee that the terminal comes back whatever happened - q/F10, SIGTERM, SIGHUP,
/// SIGINT, SIGQUIT, an exception, or a shutdown that hangs on a dead pty (a watchdog restores and <c>_exit</c>s).
/// </summary>
public sealed class TerminalSession : IDisposable
{
    /// <summary>What Ctrl+Z's resume writes before the full redraw: alternate screen, hidden cursor, our mouse mode.</summary>
    public const string ReenterSequence = "\e[?1049h\e[?25l\e[?1002h\e[?1006h";

    private const string Reset = "\e[?1003l\e[?1002l\e[?1000l\e[?1006l\e[?1015l\e[?2004l\e[?25h\e[0m\e[?1049l";
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    /// <summary>After a hang-up nobody is watching and Terminal.Gui's shutdown can spin on a dead pty: cut it short.</summary>
    private static readonly TimeSpan HangupGrace = TimeSpan.FromMilliseconds(300);

    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly byte[]? _saved;
    private byte[]? _raw;
    private volatile IApplication? _app;
    private volatile int _exitSignal;
    private readonly Core.Remote.ChildProcesses? _children;

    /// <param name="children">The ssh sessions to end on every way out (null: none were started).</param>
    public TerminalSession(Core.Remote.ChildProcesses? children = null)
    {
        _children = children;
        _saved = ReadMode();
        // On SIGCONT (fg after Ctrl+Z) .NET would re-apply the terminal mode it last set itself, racing the raw mode
        // tuiports restores: cancel that default; SuspendUntilResumed puts the UI's mode back.
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, context => context.Cancel = true));
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                RequestShutdown(SignalNumber(context.Signal));
            }));
        }
    }

    /// <summary>The exit code: 0, or 128 + the signal, like a shell reports it.</summary>
    public int ExitCode => _exitSignal == 0 ? 0 : 128 + _exitSignal;

    /// <summary>Runs <paramref name="window"/> on <paramref name="app"/> until it stops; signals stop it too.</summary>
    public void Run(IApplication app, Terminal.Gui.Views.Window window)
    {
        _app = app;
        try
        {
            app.Run(window);
        }
        finally
        {
            _app = null;
        }
    }

    /// <summary>Puts the terminal back: escape state (alternate screen, mouse, cursor) and the saved termios.</summary>
    public void Restore()
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(System.Text.Encoding.ASCII.GetBytes(Reset));
            stdout.Flush();
        }
        catch (IOException)
        {
            // the terminal is gone (hang-up): nothing to restore on it
        }

        if (_saved is { } saved)
        {
            _ = TcSetAttr(0, 0 /* TCSANOW */, saved);
        }
    }

    /// <summary>
    /// Ctrl+Z: gives the shell a normal terminal, stops this process (SIGSTOP), and on <c>fg</c> (SIGCONT, which
    /// resumes it right here) takes the terminal back. The caller then redraws everything.
    /// </summary>
    public void SuspendUntilResumed()
    {
        _raw = ReadMode() ?? _raw; // the UI's mode as it is now (Terminal.Gui may switch to raw after Init returns)
        Restore();
        _ = Raise(SIGSTOP);
        if (_raw is { } raw)
        {
            _ = TcSetAttr(0, 0, raw);
        }

        using var stdout = Console.OpenStandardOutput();
        stdout.Write(System.Text.Encoding.ASCII.GetBytes(ReenterSequence));
        stdout.Flush();
    }

    /// <summary>A last guard after the loop ended: if disposing the UI hangs, restore the terminal and leave anyway.</summary>
    public void ArmExitWatchdog(int code) => StartWatchdog(ShutdownGrace * 2, code, "tuiports-exit-watchdog");

    public void Dispose() => _signals.ForEach(s => s.Dispose());

    /// <summary>Asks the UI loop to stop; if it has not within a grace period (a hung-up pty), restores and exits.</summary>
    private void RequestShutdown(int signalNumber)
    {
        _exitSignal = signalNumber;
        var app = _app;
        app?.Invoke(app.RequestStop);
        StartWatchdog(signalNumber == 1 ? HangupGrace : ShutdownGrace, 128 + signalNumber, "tuiports-shutdown-watchdog");
    }

    private void StartWatchdog(TimeSpan grace, int code, string name)
    {
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(grace);
            _children?.KillAll(); // no ssh session outlives tuiports, whichever way it ends
            Restore();
            Exit(code); // _exit(2): no managed shutdown, it is what hangs
        })
        { IsBackground = true, Name = name };
        watchdog.Start();
    }

    private static byte[]? ReadMode()
    {
        var buffer = new byte[256]; // struct termios is 60 bytes on Linux; room to spare
        return TcGetAttr(0, buffer) == 0 ? buffer : null;
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };
}
