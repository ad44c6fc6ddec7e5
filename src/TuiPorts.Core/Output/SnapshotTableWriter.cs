using System.Globalization;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Output;

/// <summary>
/// Prints sockets as an aligned text table, like <c>ss -tulpn</c> but listing every holder, the socket's role and the
/// first holder's command line (and, for several hosts, the host first). On a terminal the table fits its width:
/// Inode, Role and Peer go first so the holders and their command stay; piped, every line is whole. Plain text only: no
/// terminal control sequences (every field others control goes through <see cref="TerminalText"/>), and one buffered
/// write for the whole table. Its size follows the sockets listed, not the fds behind them: a Holders cell shows the
/// first <see cref="ShownHolders"/> holders with their first <see cref="ShownFds"/> fds and counts the rest.
/// </summary>
public static class SnapshotTableWriter
{
    /// <summary>Holders named in one cell; the rest are counted (<c>+997 more</c>).</summary>
    public const int ShownHolders = 3;

    /// <summary>Fds listed per holder; the rest are counted (<c>fd 3,4,5,6 +99996 fds</c>).</summary>
    public const int ShownFds = 4;

    private static readonly string[] Headers =
        ["Proto", "State", "Role", "Local Address:Port", "Peer Address:Port", "Inode", "User", "Holders (pid/name fd)", "Command"];

    /// <summary>Columns left out on a narrow terminal, first to go first: the detail the operator asks for least.</summary>
    private static readonly string[] FirstDropped = ["Inode", "Role", "Peer Address:Port"];

    /// <summary>The command column keeps at least this much on a narrow terminal before a column is dropped for it.</summary>
    private const int CommandRoom = 16;

    /// <summary>How far the holders column narrows (cells cut with <c>~</c>) before User and State go.</summary>
    private const int HoldersRoom = 24;

    /// <param name="width">The terminal's width to fit the table to; null when the output is not a terminal (whole lines).</param>
    public static void Write(TextWriter output, Snapshot snapshot, IReadOnlyList<SocketEntry> sockets, int? width = null)
    {
        bool hosts = sockets.Any(s => s.Host is not null);
        var rows = new List<string[]>(sockets.Count + 1) { hosts ? ["HOST", .. Headers] : Headers };
        foreach (var socket in sockets)
        {
            string[] host = hosts ? [TerminalText.Sanitize(socket.Host ?? "-")] : [];
            rows.Add(
            [
                .. host,
                socket.Protocol.Name() + (snapshot.InOtherNetns(socket) ? "*" : string.Empty),
                TerminalText.Sanitize(socket.State),
                socket.Role.Name(),
                socket.LocalEndpoint,
                socket.RemoteEndpoint,
                socket.Inode.ToString(CultureInfo.InvariantCulture),
                HolderUsers(socket),
                Holders(socket, snapshot.Stats.AsRoot),
                socket.Holders.Count > 0 ? TerminalText.Sanitize(Killing.HolderTree.Lead(socket).DisplayCommand) : "-",
            ]);
        }

        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        int[] shown = width is int w ? Fit(rows[0], widths, w) : [.. Enumerable.Range(0, widths.Length)];
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            string line = string.Join("  ", shown.Select((column, i) => i == shown.Length - 1 ? row[column] : Formats.Cut(row[column], widths[column]).PadRight(widths[column]))).TrimEnd();
            text.Append(width is int max ? Formats.Cut(line, max) : line).Append('\n');
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{sockets.Count} of {Wording.Count(snapshot.TotalSockets, "socket")}");
        text.Append(sockets.Any(snapshot.InOtherNetns) ? Wording.OtherNetnsMark : string.Empty);
        text.Append('\n');
        output.Write(text.ToString());
    }

    /// <summary>
    /// The columns that fit <paramref name="width"/> with at least <see cref="CommandRoom"/> left for the command: Inode,
    /// Role and Peer go first; then the holders column narrows to <see cref="HoldersRoom"/> (cells cut with <c>~</c>)
    /// before User goes, to <see cref="CommandRoom"/> before State goes; last the holders narrow further. Narrowing writes into <paramref name="widths"/>.
    /// </summary>
    private static int[] Fit(string[] headers, int[] widths, int width)
    {
        var shown = Enumerable.Range(0, headers.Length).ToList();
        int command = Math.Min(widths[^1], CommandRoom);
        int Over() => shown.Take(shown.Count - 1).Sum(i => widths[i] + 2) + command - width;
        int holders = Array.IndexOf(headers, "Holders (pid/name fd)");
        void Narrow(int floor) => widths[holders] = Math.Max(Math.Min(floor, widths[holders]), widths[holders] - Math.Max(0, Over()));
        void Drop(string[] columns)
        {
            foreach (string column in columns.TakeWhile(_ => Over() > 0))
            {
                shown.Remove(Array.IndexOf(headers, column));
            }
        }

        Drop(FirstDropped);
        Narrow(HoldersRoom);
        Drop(["User"]);
        Narrow(CommandRoom);
        Drop(["State"]);
        Narrow(headers[holders].Length / 2);
        return [.. shown];
    }

    public static string Holders(SocketEntry socket, bool asRoot)
    {
        if (socket.HoldersHidden)
        {
            return Wording.HiddenHolder(asRoot);
        }

        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var shown = socket.Holders.Take(ShownHolders).Select(o => $"{o.Pid}/{TerminalText.Sanitize(o.Process.Name)} fd {Fds(o.Fds)}");
        return string.Join(", ", shown) + More(socket.Holders.Count - ShownHolders, ", +{0} more");
    }

    private static string Fds(EquatableArray<int> fds) =>
        string.Join(",", fds.Take(ShownFds)) + More(fds.Count - ShownFds, " +{0} fds");

    private static string More(int hidden, string format) =>
        hidden > 0 ? string.Format(CultureInfo.InvariantCulture, format, hidden) : string.Empty;

    private static string HolderUsers(SocketEntry socket)
    {
        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var users = socket.Holders.Select(o => o.Process.User).Distinct().ToList();
        return string.Join(",", users.Take(ShownHolders).Select(TerminalText.Sanitize)) + More(users.Count - ShownHolders, ",+{0}");
    }
}
