using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Ui;

/// <summary>What the views need to know about their surroundings, passed in once by the launcher (tests build their own).</summary>
public sealed record UiContext(
    ScreenOptions Options,
    Hosting.ColorMode Colors,
    SocketQuery InitialQuery,
    ServicesFile Services,
    TimeProvider Time,
    KeyTable Keys,
    FdTableLoader FdTables)
{
    /// <summary>The locale's marks and rules (ASCII when it is not UTF-8).</summary>
    public Glyphs Glyphs { get; init; } = Glyphs.Utf8;

    /// <summary>Whether the mouse starts on (<c>--no-mouse</c>: off).</summary>
    public bool Mouse { get; init; } = true;

    public ScreenState NewScreenState() => new(InitialQuery, Services, Time, Options);
}
