using System.Buffers;
using System.Text;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// Bounded reads of /proc (and /etc) files: no file costs more than its cap, whatever a process, a <c>--proc-root</c>
/// tree or a broken kernel puts in it. Per-process files are small by nature (stat, status); tables are streamed line
/// by line with a cap per line, so a 200 MB file costs its lines, not 200 MB of string.
/// </summary>
public static class ProcFile
{
    /// <summary>/proc/&lt;pid&gt;/stat: ~300 bytes on a real kernel (comm is at most 64).</summary>
    public const int StatBytes = 4 * 1024;

    /// <summary>/proc/&lt;pid&gt;/status: ~1.5 KiB; the Uid line is near the top.</summary>
    public const int StatusBytes = 16 * 1024;

    /// <summary>/proc/&lt;pid&gt;/cmdline: what the detail pane and the Command column ever show.</summary>
    public const int CmdlineBytes = 64 * 1024;

    /// <summary>/proc/&lt;pid&gt;/cgroup (v1 lists one line per hierarchy).</summary>
    public const int CgroupBytes = 64 * 1024;

    /// <summary>Whole small files: /proc/stat, sockstat, /etc/passwd, /etc/services.</summary>
    public const int SmallFileBytes = 8 * 1024 * 1024;

    /// <summary>One line of a socket table (~150 bytes; a unix socket's path at most 108 bytes).</summary>
    public const int TableLineBytes = 4 * 1024;

    /// <summary>The first <paramref name="maxBytes"/> bytes of a file as UTF-8 text; null when it cannot be read.</summary>
    public static string? TryReadText(string path, int maxBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
            return Encoding.UTF8.GetString(ReadUpTo(stream, maxBytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes of a file; null when it cannot be read.</summary>
    public static byte[]? TryReadBytes(string path, int maxBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
            return ReadUpTo(stream, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A table file opened for reading line by line (<see cref="Lines"/>); null when it cannot be opened (absent:
    /// tcp6 without IPv6).
    /// </summary>
    public static Stream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The lines of <paramref name="stream"/>, split on '\n' only, each cut to <paramref name="maxLineBytes"/> bytes (a
    /// longer line yields its start, which then fails to parse and is counted as malformed); read errors end the lines.
    /// </summary>
    public static IEnumerable<string> Lines(Stream stream, int maxLineBytes = TableLineBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new byte[maxLineBytes];
        int length = 0;
        bool overflow = false;
        while (true)
        {
            int read;
            try
            {
                read = stream.Read(buffer, 0, buffer.Length);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                break;
            }

            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                if (b == (byte)'\n')
                {
                    yield return Encoding.UTF8.GetString(line, 0, length) + (overflow ? "\uFFFD" : string.Empty);
                    length = 0;
                    overflow = false;
                }
                else if (length < line.Length)
                {
                    line[length++] = b;
                }
                else
                {
                    overflow = true;
                }
            }
        }

        if (length > 0 || overflow)
        {
            yield return Encoding.UTF8.GetString(line, 0, length) + (overflow ? "\uFFFD" : string.Empty);
        }
    }

    /// <summary>
    /// Reads into a pooled buffer and hands back an exact copy: a process's facts (stat, status, cmdline, cgroup) used
    /// to allocate their bounds (up to 64 KiB each) per read, ~150 KB a process, for files of a few hundred bytes.
    /// </summary>
    private static byte[] ReadUpTo(Stream stream, int maxBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, 4 * 1024));
        try
        {
            int total = 0;
            while (total < maxBytes)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, buffer.Length * 2));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = stream.Read(buffer, total, Math.Min(buffer.Length, maxBytes) - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
