using System.Runtime.InteropServices;

namespace TuiPorts.Ui;

/// <summary>
/// Puts the terminal back the way it was, whatever happened: the termios settings saved at start (canonical mode,
/// echo) and the escape sequences that leave the alternate screen and stop mouse reporting. Used after a normal exit
/// as a second line of defence, and alone when shutdown hangs (SSH hang-up).
/// </summary>
internal static partial class TerminalGuard
{
    private const string Reset = "\e[?1003l\e[?1002l\e[?1000l\e[?1006l\e[?1015l\e[?2004l\e[?25h\e[0m\e[?1049l";
    private static byte[]? _saved;
    private static byte[]? _raw;

    public static bool IsTerminal => IsAtty(0) == 1;

    public static void Save()
    {
        var buffer = new byte[256]; // struct termios is 60 bytes on Linux; room to spare
        if (TcGetAttr(0, buffer) == 0)
        {
            _saved = buffer;
        }
    }

    public static void Restore()
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(System.Text.Encoding.ASCII.GetBytes(Reset));
            stdout.Flush();
        }
        catch (IOException)
        {
            // the terminal is gone (hang-up): nothing to restore on it
        }

        if (_saved is { } saved)
        {
            _ = TcSetAttr(0, 0 /* TCSANOW */, saved);
        }
    }

    /// <summary>Remembers the UI's current terminal mode (raw), to return to after a suspend.</summary>
    public static void SaveRawMode()
    {
        var buffer = new byte[256];
        if (TcGetAttr(0, buffer) == 0)
        {
            _raw = buffer;
        }
    }

    /// <summary>
    /// Ctrl+Z: gives the shell a normal terminal, stops this process (SIGSTOP), and on <c>fg</c> (SIGCONT, which
    /// resumes it right here) takes the terminal back. The caller then redraws everything.
    /// </summary>
    public static void SuspendUntilResumed(string reenter)
    {
        SaveRawMode(); // the UI's mode as it is now (Terminal.Gui may switch to raw after Init returns)
        Restore();
        _ = Kill(Environment.ProcessId, 19 /* SIGSTOP */);
        if (_raw is { } raw)
        {
            _ = TcSetAttr(0, 0, raw);
        }

        using var stdout = Console.OpenStandardOutput();
        stdout.Write(System.Text.Encoding.ASCII.GetBytes(reenter));
        stdout.Flush();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    /// <summary>_exit(2): ends the process at once, without running managed shutdown.</summary>
    public static void ExitNow(int code) => Exit(code);

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int code);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsAtty(int fd);
}
