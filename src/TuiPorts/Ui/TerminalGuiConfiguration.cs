using Terminal.Gui.Configuration;

namespace TuiPorts.Ui;

/// <summary>
/// Terminal.Gui 2.5.0 applies its configuration (built-in themes, <c>~/.tui</c> files, <c>TUI_CONFIG</c>) in a
/// <c>[ModuleInitializer]</c>, and Native AOT runs every module initializer before <c>Main</c>: 20 ms of every start,
/// <c>--once</c>, <c>--stream</c> and <c>--version</c> included, which never draw a cell. The native build stubs that
/// initializer (<c>Aot/TerminalGui.Substitutions.xml</c>, passed to the AOT compiler by the project file) and the UI
/// applies the configuration here, before it touches any other Terminal.Gui type. Under the JIT the initializer has
/// already run; applying the same configuration again sets the same values.
/// </summary>
public static class TerminalGuiConfiguration
{
    /// <summary>What the stubbed initializer did: bad configuration is kept for Terminal.Gui to report, never thrown.</summary>
    public static void Apply()
    {
        try
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
        catch (Exception e)
        {
            TuiJsonErrors.Add("Applying configuration failed: " + e.Message + ". Running with default settings.");
        }
    }
}
