using System.Reactive.Concurrency;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Ui;

/// <summary>What the views need to know about their surroundings, passed in once by the launcher (tests build their own).</summary>
public sealed record UiContext(
    ScreenOptions Options,
    Cli.ColorMode Colors,
    SocketQuery InitialQuery,
    ServicesFile Services,
    TimeProvider Time,
    KeyTable Keys,
    FdTableLoader FdTables)
{
    public ScreenState NewScreenState() => new(InitialQuery, Services, Time, Options);
}
