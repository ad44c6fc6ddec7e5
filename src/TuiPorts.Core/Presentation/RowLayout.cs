
namespace TuiPorts.Core.Presentation;

/// <summary>
/// Lays the live table's columns (<see cref="Columns.OnScreen"/>) out for a screen width: at 80 columns the inode and
/// user columns go first (the detail pane shows them), then the peer column; the rest share what is left. When the rows
/// come from several hosts (<c>--ssh</c>) a HOST column comes first. Pure text, so it is tested without a terminal.
/// </summary>
public sealed class RowLayout
{
    private readonly (ColumnSpec Spec, int Width)[] _columns;

    private RowLayout((ColumnSpec, int)[] columns, int width)
    {
        _columns = columns;
        Width = width;
    }

    public int Width { get; }

    /// <summary>Chooses columns and widths for <paramref name="width"/> given the rows that will be shown.</summary>
    public static RowLayout For(int width, IReadOnlyList<SocketRow> rows, Snapshot snapshot)
    {
        width = Math.Max(width, 1);
        bool hosts = snapshot.HostNamespaces.Count > 0 || rows.Any(r => r.Socket.Host is not null);
        var visible = Columns.OnScreen.Where(c => (hosts || !c.HostsOnly) && (snapshot.Traffic.Available || !c.NeedsTraffic)).ToList();
        var wanted = visible.ToDictionary(c => c.Id, c => Math.Clamp(c.Id == ColumnId.Host ? HostWidth(rows) : c.Screen!.Wanted, c.Screen!.Min, c.Screen.Max));

        // Drop the least needed columns while the content would not fit; the detail pane still shows what they held.
        while (visible.Sum(c => wanted[c.Id]) + visible.Count - 1 > width && visible.Any(c => c.Screen!.Drop > 2))
        {
            visible.Remove(visible.OrderByDescending(c => c.Screen!.Drop).First());
        }

        while (visible.Sum(c => c.Screen!.Min) + visible.Count - 1 > width && visible.Any(c => c.Screen!.Drop > 0))
        {
            visible.Remove(visible.OrderByDescending(c => c.Screen!.Drop).First());
        }

        var widths = visible.ToDictionary(c => c.Id, c => c.Screen!.Min);
        int spare = width - (visible.Sum(c => c.Screen!.Min) + visible.Count - 1);
        foreach (var column in visible.Where(c => c.Screen!.Grow > 0).OrderBy(c => c.Screen!.Grow))
        {
            int grow = Math.Clamp(wanted[column.Id] - widths[column.Id], 0, Math.Max(spare, 0));
            widths[column.Id] += grow;
            spare -= grow;
        }

        if (spare > 0 && visible.FirstOrDefault(c => c.Screen!.TakesRest) is { } rest)
        {
            widths[rest.Id] += spare;
        }

        return new RowLayout(visible.Select(c => (c, widths[c.Id])).ToArray(), width);
    }

    /// <summary>The column titles; the sort column carries its direction (<c>Local Address:Port▲</c>).</summary>
    public string Header(SortOrder? sort = null, Glyphs? glyphs = null)
    {
        var sorted = sort is null ? (ColumnId?)null : Columns.ColumnOf(sort.Column);
        string arrow = sort is null ? string.Empty : sort.Descending ? (glyphs ?? Glyphs.Utf8).Descending : (glyphs ?? Glyphs.Utf8).Ascending;
        return Join(_columns.Select(c => c.Spec.Id == sorted
            ? (c.Spec.Header.Length + arrow.Length <= c.Width ? c.Spec.Header : c.Spec.Header[..Math.Max(0, c.Width - arrow.Length)]) + arrow
            : c.Spec.Header));
    }

    public string Format(SocketRow row, Snapshot snapshot) =>
        Join(_columns.Select(c => c.Spec.Cell(row, snapshot)));

    /// <summary>The host column fits the longest host name: the hosts are given on the command line, they do not come and go.</summary>
    private static int HostWidth(IReadOnlyList<SocketRow> rows) =>
        Math.Max(4, rows.Take(300).Select(r => r.Socket.Host?.Length ?? 0).DefaultIfEmpty(0).Max());

    private string Join(IEnumerable<string> cells)
    {
        var line = new System.Text.StringBuilder(Width);
        int i = 0;
        foreach (string cell in cells)
        {
            int width = _columns[i].Width;
            line.Append(Fit(cell, width));
            if (++i < _columns.Length)
            {
                line.Append(' ');
            }
        }

        return Fit(line.ToString(), Width);
    }

    private static string Fit(string text, int width) => Formats.Cut(text, width).PadRight(width);
}
