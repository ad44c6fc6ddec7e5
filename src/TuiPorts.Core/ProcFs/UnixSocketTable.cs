using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// /proc/net/unix: <c>Num RefCount Protocol Flags Type St Inode Path</c>; the path is present only for bound sockets
/// (an abstract one starts with <c>@</c>). Gives the detail pane a name for a holder's <c>socket:[N]</c> fds.
/// </summary>
public static class UnixSocketTable
{
    private const int InodeColumn = 6;

    /// <summary>Inode -> path of every bound unix socket; lines that do not decode are skipped.</summary>
    public static Dictionary<ulong, string> Parse(string? text)
    {
        var paths = new Dictionary<ulong, string>();
        Span<Range> columns = stackalloc Range[InodeColumn + 2];
        bool header = true;
        foreach (var line in (text ?? string.Empty).AsSpan().EnumerateLines())
        {
            if (header)
            {
                header = false;
                continue;
            }

            int count = line.Trim().Split(columns, ' ', StringSplitOptions.RemoveEmptyEntries);
            var trimmed = line.Trim();
            if (count > InodeColumn + 1
                && ulong.TryParse(trimmed[columns[InodeColumn]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
            {
                paths.TryAdd(inode, trimmed[columns[InodeColumn + 1].Start..].ToString());
            }
        }

        return paths;
    }
}
