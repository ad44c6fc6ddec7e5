using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Terminal.Gui.App;
using TuiPorts.Hosting;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Scanning;
using TuiPorts.Ui.Idle;

namespace TuiPorts.Ui;

/// <summary>
/// The UI's composition root: checks the terminal, opens a <see cref="TerminalSession"/>, and wires the live
/// pipeline (background scans, or with <c>--ssh</c> every host's stream merged; UI-thread delivery), the detail pane's
/// fd loader and the kill flow to the window. Leaving it ends every ssh session it started.
/// </summary>
public static class UiLauncher
{
    /// <summary>Clicks, drags and the wheel (SGR coordinates), never any-motion tracking (?1003), which floods SSH.</summary>
    public const string MouseOn = "\e[?1003l\e[?1002h\e[?1006h";

    /// <summary>No mouse reporting at all: the terminal selects text again.</summary>
    public const string MouseOff = "\e[?1003l\e[?1002l\e[?1000l\e[?1006l";

    public static int Run(ProcRoot root, SocketQuery query, UiSettings settings, HostsSetup? hosts, TextWriter error)
    {
        if (!TerminalFacts.StdinIsTerminal)
        {
            error.WriteLine("tuiports: the live UI needs a terminal (stdin is not a tty); use --once for scripts");
            return ExitCodes.Usage;
        }

        if (Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb")
        {
            error.WriteLine("tuiports: this terminal (TERM unset or dumb) cannot draw a full-screen UI; use --once, or set TERM=xterm");
            return ExitCodes.Usage;
        }

        using var session = new TerminalSession(hosts?.Children);
        IApplication? app = null;
        QuietMainLoop? quiet = null;
        try
        {
            TerminalGuiConfiguration.Apply(); // first: the native build skips Terminal.Gui's module initializer
            if (settings.Colors == ColorMode.None)
            {
                Environment.SetEnvironmentVariable("NO_COLOR", "1");
                Schemes.UncolourTheme();
            }

            (app, quiet) = InitApplication(settings);
            RunWindow(app, session, root, query, settings, hosts);
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

    private static void RunWindow(IApplication app, TerminalSession session, ProcRoot root, SocketQuery query, UiSettings settings, HostsSetup? hosts)
    {
        var faults = FaultInjection.FromEnvironment();
        using var scans = new QuietEventLoopScheduler("tuiports-scan");
        var ui = new UiScheduler(app);
        using var fdTables = new FdTableLoader(root, scans, ui) { IsRemote = socket => hosts?.Hosts.IsRemote(socket) == true };
        // a --proc-root that is not the live procfs names pids of no process here: the UI is read-only there
        var killsOff = settings.ReadOnly ? KillRefusal.ReadOnly : root.IsRealProcfs() ? KillRefusal.None : KillRefusal.NotLiveProcfs;
        var options = new ScreenOptions(settings.Interval, killsOff != KillRefusal.None, Privileges.IsRoot)
        {
            ReadOnlyReason = killsOff == KillRefusal.None ? KillRefusal.ReadOnly : killsOff,
        };
        var context = new UiContext(
            options, settings.Colors, query,
            ServicesFile.Load(root), TimeProvider.System, faults.Wrap(KeyTable.Default), fdTables)
        {
            Glyphs = Glyphs.ForThisProcess(),
            Mouse = settings.Mouse,
        };
        using var window = new MainWindow(app, context);
        window.SuspendRequested += () =>
        {
            session.SuspendUntilResumed();
            app.LayoutAndDraw(forceRedraw: true);
        };
        // this machine alone: the typed port narrows the scan itself (the kernel filters the dump); over several hosts
        // the command line's filter narrows every host alike, this one included, and typing filters the merged table
        var engine = new ProcSnapshotSource(root, fullRescanPeriod: settings.Refresh.FullRescanPeriod) { Prefilter = hosts is null ? window.Screen.PortPrefilter : query.Ports };
        var poller = new SnapshotPoller(faults.Wrap(engine), scans, settings.Interval);
        if (hosts is null)
        {
            window.PrefilterChanged += ports =>
            {
                engine.Prefilter = ports; // the kernel filters the next dump: a refresh costs what the matches cost
                poller.RefreshNow();
            };
        }

        var results = LiveResults(poller, hosts, settings.Refresh, scans, out var pause);
        window.PauseToggled += pause;
        var remote = hosts is null ? null : new RemoteKiller(hosts.Launcher, hosts.Shell, hosts.Hosts);
        using var kills = KillFlow.Attach(app, window, root, poller, killsOff, remote);
        using var closes = new CloseController(window, socket => CloseDialog.Confirm(app, socket), Core.Netlink.SocketDestroyer.Instance, poller.RefreshNow, killsOff);
        using var subscription = results
            .ObserveOn(ui)
            .Subscribe(window.Apply, e => window.ShowNotice($"live refresh stopped: {e.Message}"));
        app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            window.Tick();
            return true;
        });
        session.Run(app, window);
    }

    /// <summary>What the window shows: this machine's poller, or every host of <c>--ssh</c> (and <c>--local</c>) merged.</summary>
    private static IObservable<RefreshResult> LiveResults(SnapshotPoller poller, HostsSetup? hosts, RefreshSettings refresh, IScheduler scans, out Action<bool> pause)
    {
        if (hosts is null)
        {
            pause = poller.SetPaused;
            return poller.Results();
        }

        var feeds = new List<IObservable<HostSnapshot>>();
        if (hosts.Hosts.Local is { } local)
        {
            feeds.Add(HostsView.Local(local, poller.Results()));
        }

        var arguments = RemoteArguments.Stream(refresh.Interval, hosts.Filters);
        feeds.AddRange(hosts.Hosts.Remote.Select(host =>
            new RemoteHostFeed(host, hosts.Launcher, hosts.Shell, arguments, scans, TimeProvider.System).Updates()));
        var view = new HostsView(hosts.Hosts.All, feeds, scans, refresh.HostsSettle);
        pause = paused =>
        {
            poller.SetPaused(paused);
            view.SetPaused(paused);
        };
        return view.Results();
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
        app.Mouse.IsMouseDisabled = !settings.Mouse;
        app.Driver!.WriteRaw(settings.Mouse ? MouseOn : MouseOff);
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
