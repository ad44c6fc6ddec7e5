using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Hosting;

/// <summary>What the process knows about the terminal it runs in, for the CLI's prompts and the UI's start alike.</summary>
public static class TerminalFacts
{
    /// <summary>True when stdin is a terminal: someone can answer a question or drive a full-screen UI.</summary>
    public static bool StdinIsTerminal => IsAtty(0) == 1;
}
