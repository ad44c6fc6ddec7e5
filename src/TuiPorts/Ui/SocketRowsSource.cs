using Terminal.Gui.Views;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The table's rows as one pre-formatted column (the layout is ours, see <see cref="RowLayout"/>), built once per
/// refresh over an immutable row list; lines are formatted lazily, only for the rows drawn.
/// </summary>
public sealed class SocketRowsSource : ITableSource
{
    private readonly IReadOnlyList<SocketRow> _rows;
    private readonly RowLayout _layout;
    private readonly Snapshot _snapshot;
    private readonly string?[] _lines;

    public SocketRowsSource(IReadOnlyList<SocketRow> rows, RowLayout layout, Snapshot snapshot)
    {
        _rows = rows;
        _layout = layout;
        _snapshot = snapshot;
        _lines = new string?[rows.Count];
    }

    public object this[int row, int col] => _lines[row] ??= _layout.Format(_rows[row], _snapshot);

    public string[] ColumnNames { get; } = ["sockets"];

    public int Columns => 1;

    public int Rows => _rows.Count;
}
