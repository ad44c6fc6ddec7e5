using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Terminal.Gui.App;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;
using TuiPorts.Ui.Idle;

namespace TuiPorts.Ui;

/// <summary>
/// The UI's composition root: checks the terminal, opens a <see cref="TerminalSession"/>, and wires the live
/// pipeline (background scans, UI-thread delivery), the detail pane's fd loader and the kill flow to the window.
/// </summary>
public static class UiLauncher
{
    private const string MouseMode = "\e[?1003l\e[?1002h";

    public static int Run(ProcRoot root, SocketQuery query, UiSettings settings, TextWriter error)
    {
        if (!TerminalSession.IsTerminal)
        {
            error.WriteLine("tuiports: the live UI needs a terminal (stdin is not a tty); use --once for scripts");
            return ExitCodes.Usage;
        }

        if (Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb")
        {
            error.WriteLine("tuiports: this terminal (TERM unset or dumb) cannot draw a full-screen UI; use --once, or set TERM=xterm");
            return ExitCodes.Usage;
        }

        using var session = new TerminalSession();
        IApplication? app = null;
        QuietMainLoop? quiet = null;
        try
        {
            if (settings.Colors == ColorMode.None)
            {
                Environment.SetEnvironmentVariable("NO_COLOR", "1");
            }

            (app, quiet) = InitApplication(settings);
            RunWindow(app, session, root, query, settings);
            session.ArmExitWatchdog(session.ExitCode);
            return session.ExitCode;
        }
        catch (Exception e)
        {
            DisposeQuietly(app);
            app = null;
            session.Restore();
            error.WriteLine($"tuiports: unexpected error, terminal restored: {e}");
            return ExitCodes.Failure;
        }
        finally
        {
            quiet?.Dispose();
            DisposeQuietly(app);
            session.Restore();
        }
    }

    private static void RunWindow(IApplication app, TerminalSession session, ProcRoot root, SocketQuery query, UiSettings settings)
    {
        var faults = FaultInjection.FromEnvironment();
        using var scans = new EventLoopScheduler(start => new Thread(start) { Name = "tuiports-scan", IsBackground = true });
        var ui = new UiScheduler(app);
        using var fdTables = new FdTableLoader(root, scans, ui);
        var context = new UiContext(
            new ScreenOptions(settings.Interval, settings.ReadOnly, Privileges.IsRoot), settings.Colors, query,
            ServicesFile.Load(root), TimeProvider.System, faults.Wrap(KeyTable.Default), fdTables);
        using var window = new MainWindow(app, context);
        window.SuspendRequested += () =>
        {
            session.SuspendUntilResumed();
            app.LayoutAndDraw(forceRedraw: true);
        };
        var engine = new ProcSnapshotSource(root) { Prefilter = window.Screen.PortPrefilter };
        var poller = new SnapshotPoller(faults.Wrap(engine), scans, settings.Interval);
        window.PauseToggled += poller.SetPaused;
        window.PrefilterChanged += ports =>
        {
            engine.Prefilter = ports; // the kernel filters the next dump: a refresh costs what the matches cost
            poller.RefreshNow();
        };
        using var kills = KillFlow.Attach(app, window, root, poller, settings.ReadOnly);
        using var subscription = poller.Results()
            .ObserveOn(ui)
            .Subscribe(window.Apply, e => window.ShowNotice($"live refresh stopped: {e.Message}"));
        app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            window.Tick();
            return true;
        });
        session.Run(app, window);
    }

    private static (IApplication App, QuietMainLoop? Quiet) InitApplication(UiSettings settings)
    {
        // Terminal.Gui probes the clipboard through `bash -c which xclip`; under sshd that sources ~/.bashrc (~1 s).
        string? sshClient = Environment.GetEnvironmentVariable("SSH_CLIENT");
        Environment.SetEnvironmentVariable("SSH_CLIENT", null);
        var app = Application.Create();
        // TUIPORTS_STOCK_INPUT=1 keeps Terminal.Gui's own 50 Hz input loop (to compare, or if the quiet one misbehaves)
        var quiet = Environment.GetEnvironmentVariable("TUIPORTS_STOCK_INPUT") == "1" ? null : QuietMainLoop.Install(app);
        try
        {
            app.Init();
            quiet?.Start();
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
        return (app, quiet);
    }

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
}
