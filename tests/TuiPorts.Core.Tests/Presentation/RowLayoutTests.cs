using TuiPorts.Core.Presentation;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class RowLayoutTests
{
    private static readonly SocketEntry Shared = Listener(9000, 1, 100, 101);

    [Fact]
    public void At_80_columns_every_line_is_80_wide_and_the_essential_columns_stay()
    {
        var rows = new[] { new SocketRow(Shared, RowMark.None) };
        var layout = RowLayout.For(80, rows, Of(Shared));

        string header = layout.Header();
        string line = layout.Format(rows[0], Of(Shared));

        Assert.Equal(80, header.Length);
        Assert.Equal(80, line.Length);
        Assert.Contains("Local Address:Port", header, StringComparison.Ordinal);
        Assert.Contains("Holders (pid/name)", header, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9000", line, StringComparison.Ordinal);
        Assert.Contains("100/proc100 +1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Narrow_screens_drop_inode_and_user_first_and_wide_ones_show_them()
    {
        var rows = new[] { new SocketRow(Shared, RowMark.None) };

        string narrow = RowLayout.For(60, rows, Of(Shared)).Header();
        string wide = RowLayout.For(160, rows, Of(Shared)).Header();

        Assert.DoesNotContain("Inode", narrow, StringComparison.Ordinal);
        Assert.DoesNotContain("User", narrow, StringComparison.Ordinal);
        Assert.Contains("Inode", wide, StringComparison.Ordinal);
        Assert.Contains("User", wide, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RowMark.New, "+")]
    [InlineData(RowMark.Gone, "-")]
    public void New_and_gone_rows_are_marked_and_a_gone_row_says_GONE(RowMark mark, string marker)
    {
        var row = new SocketRow(Shared, mark);
        string line = RowLayout.For(100, [row], Of(Shared)).Format(row, Of(Shared));

        Assert.StartsWith(marker, line, StringComparison.Ordinal);
        Assert.Equal(mark == RowMark.Gone, line.Contains("GONE", StringComparison.Ordinal));
    }

    [Fact]
    public void Hidden_and_kernel_owned_holders_read_hidden_and_a_dash()
    {
        Assert.Equal("hidden", TableCells.Holders(Listener(1, 2) with { HoldersHidden = true }));
        Assert.Equal("-", TableCells.Holders(Listener(1, 0)));
    }

    [Fact]
    public void Too_narrow_screens_cut_lines_instead_of_overflowing()
    {
        var rows = new[] { new SocketRow(Shared, RowMark.None) };

        Assert.All(new[] { 1, 10, 30 }, width => Assert.Equal(width, RowLayout.For(width, rows, Of(Shared)).Format(rows[0], Of(Shared)).Length));
    }
}
