using System.Runtime.InteropServices;
using System.Text;
using TuiPorts.Core.Presentation;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Hosting;

/// <summary>
/// The process's own stdin/stdout/stderr as plain buffered streams over fds 0, 1 and 2, written with write(2) at the
/// fd's own offset. System.Console is not used for them: it initialises .NET's terminal handling on a tty and writes
/// control sequences (keypad mode, ESC[?1h ESC=) that have no place in <c>--once</c> output or a y/N prompt; and a
/// FileStream would write a regular file at its own offset, over what the shell wrote before (<c>{ date; tuiports
/// --once; } > report</c>).
/// </summary>
public sealed class ProcessStreams
{
    private ProcessStreams(int fd) => Writer = new FdWriter(new FdStream(fd), fd);

    public static ProcessStreams Stdout { get; } = new(1);

    public static ProcessStreams Stderr { get; } = new(2);

    public TextWriter Writer { get; }

    /// <summary>Lines typed on stdin (a y/N answer), read without touching System.Console.</summary>
    public static TextReader Stdin { get; } = new StreamReader(new FdStream(0), new UTF8Encoding(false), false, 256);

    /// <summary>The terminal width behind <paramref name="writer"/>, or null when it is not a terminal (piped, a file, a test).</summary>
    public static int? TerminalWidth(TextWriter writer) =>
        writer is FdWriter fdWriter ? Core.Interop.NativeMethods.TerminalWidth(fdWriter.Fd) : null;

    /// <summary>The raw stream behind <paramref name="writer"/> when it is the process's own output, for streaming JSON.</summary>
    public static Stream? RawStream(TextWriter writer) => writer is FdWriter fdWriter ? fdWriter.BaseStream : null;

    /// <summary>
    /// A buffered UTF-8 writer on the fd whose text passes <see cref="TerminalText.MaskControls"/> on the way out: no
    /// control character of anyone's text reaches the terminal, whichever command printed it. Raw JSON bypasses it
    /// through <see cref="RawStream"/> (and would pass unchanged: JSON escapes controls itself).
    /// </summary>
    private sealed class FdWriter(Stream stream, int fd) : TextWriter
    {
        private readonly StreamWriter _inner = new(stream, new UTF8Encoding(false), 64 * 1024);

        public int Fd { get; } = fd;

        public Stream BaseStream => _inner.BaseStream;

        public override Encoding Encoding => _inner.Encoding;

        public override void Write(char value)
        {
            if (TerminalText.IsStreamControl(value))
            {
                _inner.Write(TerminalText.MaskControls([value]));
            }
            else
            {
                _inner.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            foreach (char c in buffer)
            {
                if (TerminalText.IsStreamControl(c))
                {
                    _inner.Write(TerminalText.MaskControls(buffer));
                    return;
                }
            }

            _inner.Write(buffer);
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Flush() => _inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>The reader of our output went away (<c>tuiports --once | head</c>): stop quietly, like <c>ss | head</c>.</summary>
public sealed class BrokenPipeException() : IOException("broken pipe: the reader of the output went away");

/// <summary>read(2)/write(2) on an fd we do not own, retrying EINTR and partial writes; EPIPE becomes <see cref="BrokenPipeException"/>.</summary>
public sealed unsafe class FdStream(int fd) : Stream
{
    private const int EPIPE = 32;

    public override bool CanRead => fd == 0;

    public override bool CanSeek => false;

    public override bool CanWrite => fd != 0;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint written;
            fixed (byte* p = buffer)
            {
                written = NativeWrite(fd, p, buffer.Length);
            }

            if (written < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR)
                {
                    continue;
                }

                throw errno == EPIPE ? new BrokenPipeException() : new IOException($"write to fd {fd} failed (errno {errno})");
            }

            buffer = buffer[(int)written..];
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            nint read;
            fixed (byte* p = buffer)
            {
                read = NativeRead(fd, p, buffer.Length);
            }

            if (read >= 0)
            {
                return (int)read;
            }

            if (Marshal.GetLastPInvokeError() != EINTR)
            {
                return 0; // a closed or unreadable stdin reads as end of input
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static nint NativeWrite(int fd, byte* buffer, int count) => Core.Interop.NativeMethods.Write(fd, buffer, count);

    private static nint NativeRead(int fd, byte* buffer, int count) => Core.Interop.NativeMethods.Read(fd, buffer, count);
}
