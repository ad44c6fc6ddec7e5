using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// /proc/net/unix: <c>Num RefCount Protocol Flags Type St Inode Path</c>; the path is present only for bound sockets
/// (an abstract one starts with <c>@</c>). Gives the detail pane a name for a holder's <c>socket:[N]</c> fds. The
/// fallback for <see cref="Netlink.UnixSockDiag"/> (a copied tree, a kernel without unix_diag).
/// </summary>
/// <remarks>
/// The kernel prints a name raw, newlines included, so any user can bind an abstract socket whose name ends one line
/// and writes a whole fake one claiming another socket's inode. Such a line cannot be told from a real one, but the
/// inode it claims is then listed twice (its real line is always there too): an inode seen on more than one line is
/// ambiguous and gets no path at all, so a fake line never names someone else's socket.
/// </remarks>
public static class UnixSocketTable
{
    private const int InodeColumn = 6;

    /// <summary>Inode -> path of every bound unix socket; lines that do not decode are skipped.</summary>
    public static Dictionary<ulong, string> Parse(string? text) =>
        Parse((text ?? string.Empty).Split('\n'));

    /// <summary>The same from lines as they are read (<see cref="ProcFile.Lines"/>).</summary>
    public static Dictionary<ulong, string> Parse(IEnumerable<string> lines)
    {
        var paths = new Dictionary<ulong, string>();
        var seen = new HashSet<ulong>();
        var ambiguous = new HashSet<ulong>();
        Span<Range> columns = stackalloc Range[InodeColumn + 2];
        bool header = true;
        foreach (string line in lines)
        {
            if (header)
            {
                header = false;
                continue;
            }

            var trimmed = line.AsSpan().Trim();
            int count = trimmed.Split(columns, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (count <= InodeColumn
                || !ulong.TryParse(trimmed[columns[InodeColumn]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
            {
                continue;
            }

            if (!seen.Add(inode))
            {
                ambiguous.Add(inode);
            }
            else if (count > InodeColumn + 1)
            {
                paths[inode] = trimmed[columns[InodeColumn + 1].Start..].ToString();
            }
        }

        foreach (ulong inode in ambiguous)
        {
            paths.Remove(inode);
        }

        return paths;
    }
}
