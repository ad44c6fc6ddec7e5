using System.Globalization;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// Prints sockets as an aligned text table (<see cref="Columns.Printed"/>), like <c>ss -tulpn</c> but listing every
/// holder, the socket's role and the lead holder's command line (and, for several hosts, the host first). On a terminal
/// the table fits its width: Inode, Role and Peer go first so the holders and their command stay; piped, every line is
/// whole. Plain text only: no terminal control sequences (every field others control goes through
/// <see cref="TerminalText"/>), and one buffered write for the whole table. Its size follows the sockets listed, not the
/// fds behind them (<see cref="TableCells.HoldersWithFds"/>).
/// </summary>
public static class SnapshotTableWriter
{
    /// <summary>The last column (the command) keeps at least this much on a narrow terminal before a column is dropped for it.</summary>
    private const int LastRoom = 16;

    /// <param name="width">The terminal's width to fit the table to; null when the output is not a terminal (whole lines).</param>
    public static void Write(TextWriter output, Snapshot snapshot, IReadOnlyList<SocketEntry> sockets, int? width = null)
    {
        bool hosts = sockets.Any(s => s.Host is not null);
        ColumnSpec[] columns = [.. Columns.Printed.Where(c => hosts || !c.HostsOnly)];
        var rows = new List<string[]>(sockets.Count + 1);
        rows.Add([.. columns.Select(c => c.PrintedHeader)]);
        foreach (var socket in sockets)
        {
            var row = new SocketRow(socket, RowMark.None);
            rows.Add([.. columns.Select(c => c.PrintedCell(row, snapshot))]);
        }

        var widths = new int[columns.Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        int[] shown = width is int w ? Fit(columns, widths, w) : [.. Enumerable.Range(0, widths.Length)];
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
    /// The columns that fit <paramref name="width"/> with at least <see cref="LastRoom"/> left for the last one: they go
    /// in their <see cref="PrintedColumn.Drop"/> order (Inode, Role, Peer, User, State), and before one with a
    /// <see cref="PrintedColumn.NarrowFirst"/> goes the narrowing column (the holders, cells cut with <c>~</c>) is cut
    /// to that width first; last it narrows to half its title. Narrowing writes into <paramref name="widths"/>.
    /// </summary>
    private static int[] Fit(ColumnSpec[] columns, int[] widths, int width)
    {
        var shown = Enumerable.Range(0, columns.Length).ToList();
        int last = Math.Min(widths[^1], LastRoom);
        int Over() => shown.Take(shown.Count - 1).Sum(i => widths[i] + 2) + last - width;
        int narrows = Array.FindIndex(columns, c => c.Printed!.Narrows);
        void Narrow(int floor)
        {
            if (narrows >= 0)
            {
                widths[narrows] = Math.Max(Math.Min(floor, widths[narrows]), widths[narrows] - Math.Max(0, Over()));
            }
        }

        foreach (int i in shown.Where(i => columns[i].Printed!.Drop > 0).OrderBy(i => columns[i].Printed!.Drop).ToList())
        {
            if (columns[i].Printed!.NarrowFirst > 0)
            {
                Narrow(columns[i].Printed!.NarrowFirst);
            }

            if (Over() > 0)
            {
                shown.Remove(i);
            }
        }

        Narrow(narrows >= 0 ? columns[narrows].PrintedHeader.Length / 2 : 0);
        return [.. shown];
    }
}
