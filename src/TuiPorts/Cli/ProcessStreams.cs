using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TuiPorts.Cli;

/// <summary>
/// The process's own stdout/stderr as plain buffered writers over fds 1 and 2. System.Console is not used for them:
/// it initialises .NET's terminal handling on a tty and writes control sequences (keypad mode, ESC[?1h ESC=) that
/// have no place in <c>--once</c> output; and one buffered write beats a write(2) per line.
/// </summary>
public sealed class ProcessStreams
{
    private ProcessStreams(int fd) =>
        Writer = new FdWriter(new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 1), fd);

    public static ProcessStreams Stdout { get; } = new(1);

    public static ProcessStreams Stderr { get; } = new(2);

    public TextWriter Writer { get; }

    /// <summary>The terminal width behind <paramref name="writer"/>, or null when it is not a terminal (piped, a file, a test).</summary>
    public static int? TerminalWidth(TextWriter writer) =>
        writer is FdWriter fdWriter ? Core.Interop.NativeMethods.TerminalWidth(fdWriter.Fd) : null;

    /// <summary>The raw stream behind <paramref name="writer"/> when it is the process's own output, for streaming JSON.</summary>
    public static Stream? RawStream(TextWriter writer) => writer is FdWriter fdWriter ? fdWriter.BaseStream : null;

    private sealed class FdWriter(Stream stream, int fd) : StreamWriter(stream, new UTF8Encoding(false), 64 * 1024)
    {
        public int Fd { get; } = fd;
    }
}
