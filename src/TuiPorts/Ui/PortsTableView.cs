using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// A TableView that does not eat letters: the stock one jumps to rows on typed letters (so K would never reach the
/// kill handler), swallows every printable key when empty, and hands focus away on CursorUp at row 0. Nor does it clear
/// its viewport before drawing: TableView writes every cell of every line anyway, and Terminal.Gui's clear costs a width
/// lookup and an allocation per cell (a redraw's largest share).
/// </summary>
public sealed class PortsTableView : TableView
{
    public PortsTableView()
    {
        CollectionNavigator = null!;
        FullRowSelect = true;
        MultiSelect = false;
        Style.ShowHeaders = false;
        Style.ShowHorizontalBottomLine = false;
        Style.ShowVerticalCellLines = false;
        Style.ShowVerticalCellLineForFirstColumn = false;
        Style.ShowVerticalCellLineForLastColumn = false;
        Style.ShowHorizontalHeaderOverline = false;
        Style.ShowHorizontalHeaderUnderline = false;
        Style.ExpandLastColumn = true;
        Style.AlwaysShowHeaders = false;
        MaxCellWidth = 1000;
        ClearingViewport += (_, e) => e.Cancel = true; // TableView blanks every line of its viewport as it draws it
    }

    /// <summary>The window's key table, asked first: Space pauses here, it does not select a cell.</summary>
    public Func<Key, bool>? Commands { get; set; }

    public int SelectedRow => Value?.SelectedCell.Y ?? -1;

    /// <summary>True while <see cref="Show"/> moves the selection (not the user: nothing to follow).</summary>
    public bool IsSyncing { get; private set; }

    /// <summary>Hands the table its new rows and re-selects the selected socket; the scroll position is kept.</summary>
    public void Show(IReadOnlyList<SocketRow> rows, RowLayout layout, Snapshot snapshot, int selectedIndex, Func<int, Scheme?> rowScheme)
    {
        IsSyncing = true;
        try
        {
            int offset = RowOffset;
            Table = new SocketRowsSource(rows, layout, snapshot);
            Style.RowColorGetter = args => rowScheme(args.RowIndex);
            RowOffset = offset;
            if (selectedIndex >= 0)
            {
                SetSelection(0, selectedIndex, false);
                EnsureCursorIsVisible();
            }
        }
        finally
        {
            IsSyncing = false;
        }
    }

    protected override bool OnKeyDownNotHandled(Key key) => false;

    protected override bool OnKeyDown(Key key)
    {
        if (Commands?.Invoke(key) == true)
        {
            return true;
        }

        int rows = Table?.Rows ?? 0;
        if ((key == Key.CursorUp && SelectedRow <= 0) || (key == Key.CursorDown && SelectedRow >= rows - 1))
        {
            return true; // stay here at either end: the next K must act on this table, not be typed into the filter
        }

        if ((key == Key.Home || key == Key.End) && rows > 0)
        {
            SetSelection(0, key == Key.Home ? 0 : rows - 1, false);
            EnsureCursorIsVisible();
            return true;
        }

        return base.OnKeyDown(key);
    }
}
