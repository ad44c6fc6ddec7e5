using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Ui;

/// <summary>What the views need to know about their surroundings, passed in once (tests build their own).</summary>
public sealed record UiContext(
    ProcRoot Root,
    UiSettings Settings,
    SocketQuery InitialQuery,
    ServicesFile Services,
    TimeProvider Time,
    bool AsRoot)
{
    public static UiContext ForTests(ProcRoot root, TimeProvider? time = null) => new(
        root, new UiSettings(TimeSpan.FromSeconds(1), ColorMode.None, ReadOnly: false), SocketQuery.All,
        ServicesFile.Parse("ssh 22/tcp\nhttp 80/tcp\n"), time ?? TimeProvider.System, AsRoot: true);
}
