using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Ui;

/// <summary>Starts the full-screen UI.</summary>
public static class UiLauncher
{
    public static int Run(ProcRoot root, SocketQuery query, UiSettings settings, TextWriter error)
    {
        error.WriteLine("tuiports: the live UI is not built yet; use --once");
        return ExitCodes.Failure;
    }
}
