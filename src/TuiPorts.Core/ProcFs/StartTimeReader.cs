using System.Buffers.Text;
using System.Text;
using TuiPorts.Core.Interop;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// The identity check of a live refresh, once per known process per second: field 22 (starttime) of
/// <c>/proc/&lt;pid&gt;/stat</c> read as htop reads it - open, one read into a stack buffer, close (three system calls,
/// no flock/fstat/size probe of a FileStream) - and parsed from the bytes, so nothing is allocated.
/// </summary>
internal static class StartTimeReader
{
    private const int BufferSize = 1024; // a stat line is ~300 bytes (comm is at most 64)

    /// <summary>What <see cref="Open"/> returns when the path does not fit its stack buffer.</summary>
    public const int PathTooLong = int.MinValue;

    /// <summary>True with the start time; false when the process is gone or the line is malformed; null when the
    /// line did not fit the buffer or the path is too long (the caller reads it the slow way).</summary>
    public static bool? TryRead(string procPath, int pid, out ulong start)
    {
        start = 0;
        int fd = Open(procPath, pid);
        if (fd < 0)
        {
            return fd == PathTooLong ? null : false;
        }

        var result = TryReadAt(fd, out start);
        NativeMethods.Close(fd);
        return result;
    }

    /// <summary>Opens <c>&lt;procPath&gt;/&lt;pid&gt;/stat</c> read-only: the fd, -1 when it cannot be opened, or <see cref="PathTooLong"/>.</summary>
    public static unsafe int Open(string procPath, int pid)
    {
        Span<byte> path = stackalloc byte[512];
        int length = Encoding.UTF8.GetMaxByteCount(procPath.Length) > path.Length - 32
            ? -1
            : Encoding.UTF8.GetBytes(procPath, path);
        if (length < 0 || !TryAppend(path, ref length, pid))
        {
            return PathTooLong;
        }

        fixed (byte* p = path)
        {
            return NativeMethods.Open(p, NativeMethods.OpenReadOnlyCloseOnExec);
        }
    }

    /// <summary>
    /// Reads a stat file from its start through <paramref name="fd"/> (one pread into a stack buffer) and parses the
    /// start time: true with it; false when the read fails (ESRCH: the process the fd was opened on has been reaped)
    /// or the line is malformed; null when the line does not fit the buffer.
    /// </summary>
    public static unsafe bool? TryReadAt(int fd, out ulong start)
    {
        start = 0;
        byte* buffer = stackalloc byte[BufferSize];
        int read = (int)NativeMethods.PRead(fd, buffer, BufferSize, 0);
        if (read >= BufferSize)
        {
            return null;
        }

        return read > 0 && TryParse(new ReadOnlySpan<byte>(buffer, read), out start);
    }

    /// <summary>Field 22 of a stat line: the 20th space-separated field after comm's LAST ')'.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out ulong start)
    {
        start = 0;
        int open = line.IndexOf((byte)'(');
        int close = line.LastIndexOf((byte)')');
        if (open < 1 || close < open)
        {
            return false;
        }

        var rest = line[(close + 1)..];
        for (int field = 0; ; field++)
        {
            rest = rest.TrimStart(" \n"u8);
            int end = rest.IndexOfAny(" \n"u8);
            var token = end < 0 ? rest : rest[..end];
            if (token.IsEmpty)
            {
                return false;
            }

            if (field == 19)
            {
                return Utf8Parser.TryParse(token, out start, out int used) && used == token.Length;
            }

            rest = rest[token.Length..];
        }
    }

    private static bool TryAppend(Span<byte> path, ref int length, int pid)
    {
        path[length++] = (byte)'/';
        if (!Utf8Formatter.TryFormat(pid, path[length..], out int written))
        {
            return false;
        }

        length += written;
        "/stat\0"u8.CopyTo(path[length..]);
        length += 6;
        return true;
    }
}
