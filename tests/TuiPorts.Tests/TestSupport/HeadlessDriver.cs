using System.Runtime.CompilerServices;

namespace TuiPorts.Tests.TestSupport;

internal static class HeadlessDriver
{
    /// <summary>Without this, every view test would paint its UI onto the terminal running <c>dotnet test</c>.</summary>
    [ModuleInitializer]
    internal static void DisableRealDriverIo() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
