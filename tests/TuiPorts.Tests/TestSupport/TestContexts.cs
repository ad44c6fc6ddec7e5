using System.Reactive.Concurrency;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Ui;
using TuiPorts.Hosting;

namespace TuiPorts.Tests.TestSupport;

/// <summary>A <see cref="UiContext"/> for headless tests: fixture root, no colours, and fd tables read synchronously.</summary>
public static class TestContexts
{
    public static UiContext For(ProcRoot root, TimeProvider? time = null, bool readOnly = false, SocketQuery? query = null) => new(
        new ScreenOptions(TimeSpan.FromSeconds(1), readOnly, AsRoot: true),
        ColorMode.None,
        query ?? SocketQuery.All,
        ServicesFile.Parse("ssh 22/tcp\nhttp 80/tcp\n"),
        time ?? TimeProvider.System,
        KeyTable.Default,
        new FdTableLoader(root, ImmediateScheduler.Instance, ImmediateScheduler.Instance));
}
