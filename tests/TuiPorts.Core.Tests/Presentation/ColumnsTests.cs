using TuiPorts.Core.Wire;
using TuiPorts.Core.Presentation;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

/// <summary>One <see cref="Columns"/> table: the live view, <c>--once</c> and the sort keys all read it, so a column is one entry.</summary>
public sealed class ColumnsTests
{
    private static readonly SocketEntry OnHost = Listener(8080, 11, 100) with { Host = "web1.example.net" }; // a HOST column wide enough for its title and the arrow

    /// <summary>A snapshot that shows every column: several hosts and tcp_info.</summary>
    private static readonly Snapshot Everything = Of(OnHost) with
    {
        Traffic = new ConnectionTraffic(new Dictionary<ulong, TcpInfo>(), new Dictionary<ulong, ConnectionRate>()),
    };

    [Fact]
    public void Every_live_column_of_the_table_is_in_a_wide_layout_in_its_place_and_nothing_else_is()
    {
        var row = new SocketRow(OnHost, RowMark.New);
        var layout = RowLayout.For(400, [row], Everything);

        string header = layout.Header();
        var titled = Columns.OnScreen.Where(c => c.Header.Length > 0).ToList();

        AssertInOrder(header, titled.Select(c => c.Header));
        Assert.Equal(string.Join(" ", titled.Select(c => c.Header)), string.Join(" ", header.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.StartsWith("+", layout.Format(row, Everything), StringComparison.Ordinal); // the untitled mark column comes first
        Assert.Equal(ColumnId.Mark, Columns.OnScreen[0].Id);
    }

    [Fact]
    public void Every_once_column_of_the_table_is_in_the_printed_header_in_its_place_and_nothing_else_is()
    {
        var output = new StringWriter();
        SnapshotTableWriter.Write(output, Everything, [OnHost]);
        string header = output.ToString().Split('\n')[0];

        AssertInOrder(header, Columns.Printed.Select(c => c.PrintedHeader));
        Assert.Equal(
            string.Join(" ", Columns.Printed.Select(c => c.PrintedHeader)),
            string.Join(" ", header.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Every_column_is_shown_somewhere_once_and_places_are_distinct()
    {
        Assert.Equal(Enum.GetValues<ColumnId>(), Columns.All.Select(c => c.Id).Order());
        Assert.All(Columns.All, c => Assert.True(c.Screen is not null || c.Printed is not null, $"{c.Id} is in no view"));
        Assert.Equal(Columns.OnScreen.Count, Columns.OnScreen.Select(c => c.Screen!.Place).Distinct().Count());
        Assert.Equal(Columns.Printed.Count, Columns.Printed.Select(c => c.Printed!.Place).Distinct().Count());
        Assert.Single(Columns.Printed, c => c.Printed!.Narrows);
        Assert.Single(Columns.OnScreen, c => c.Screen!.TakesRest);
    }

    [Fact]
    public void Every_sort_key_belongs_to_exactly_one_column_and_its_arrow_is_drawn_on_that_column()
    {
        var keys = Columns.All.SelectMany(c => c.SortKeys.Select(k => (k.Column, c))).ToList();
        var row = new SocketRow(OnHost, RowMark.None);
        var layout = RowLayout.For(400, [row], Everything);
        string plain = layout.Header();
        var titled = Columns.OnScreen.Where(c => c.Header.Length > 0).ToList();
        var starts = titled.Select(c => plain.IndexOf(c.Header, StringComparison.Ordinal)).ToList();

        Assert.Equal(Enum.GetValues<SortColumn>(), keys.Select(k => k.Column).Order());
        foreach (var (key, column) in keys)
        {
            string sorted = layout.Header(new SortOrder(key));
            int arrow = sorted.IndexOf('▲', StringComparison.Ordinal);
            int under = starts.FindLastIndex(start => start <= arrow); // the column the arrow is drawn in

            Assert.Equal(column.Id, Columns.ColumnOf(key));
            Assert.Equal(Columns.KeyOf(key).Label, SortOrder.Label(key));
            Assert.Single(sorted, c => c == '▲');
            Assert.Equal(column.Id, titled[under].Id);
        }
    }

    [Fact]
    public void The_sort_compares_with_the_tables_key()
    {
        var a = Listener(80, 1, 300) with { Protocol = Protocol.Udp };
        var b = Listener(90, 2, 200);

        Assert.True(new SortOrder(SortColumn.Proto).Compare(b, a) < 0); // tcp before udp, although port 90 > 80
        Assert.True(new SortOrder(SortColumn.Pid).Compare(b, a) < 0); // pid 200 before 300
        Assert.True(new SortOrder(SortColumn.LocalPort).Compare(a, b) < 0);
        Assert.Equal(
            Math.Sign(Columns.KeyOf(SortColumn.Inode).Compare!(b, a)),
            Math.Sign(new SortOrder(SortColumn.Inode).Compare(b, a)));
    }

    private static void AssertInOrder(string line, IEnumerable<string> titles)
    {
        int at = -1;
        foreach (string title in titles)
        {
            int found = line.IndexOf(title, at + 1, StringComparison.Ordinal);
            Assert.True(found > at, $"'{title}' is not after column {at} in: {line}");
            at = found;
        }
    }
}
