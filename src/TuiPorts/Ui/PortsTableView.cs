using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace TuiPorts.Ui;

/// <summary>
/// A TableView that does not eat letters: the stock one jumps to rows on typed letters (so K would never reach the
/// kill handler), swallows every printable key when empty, and hands focus away on CursorUp at row 0.
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
    }

    public int SelectedRow => Value?.SelectedCell.Y ?? -1;

    protected override bool OnKeyDownNotHandled(Key key) => false;

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorUp && SelectedRow <= 0)
        {
            return true; // stay here: the next K must act on this table, not be typed into the filter
        }

        return base.OnKeyDown(key);
    }
}
