using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>
/// The full screen: summary line, filter field, message line, the socket table, the detail pane and the key legend.
/// It draws <see cref="ScreenState"/> and turns keys into its commands (<see cref="KeyTable"/>); everything it shows
/// arrives on the UI thread, through <see cref="Apply"/> or the fd-table loader.
/// </summary>
public sealed partial class MainWindow : Window, IKillView
{
    private readonly IApplication _app;
    private readonly UiContext _context;
    private readonly ScreenState _screen;
    private readonly Label _summary = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _filterLabel = new() { X = 0, Y = 1, Text = "Filter:" };
    private readonly TextField _filter = new() { X = 8, Y = 1, Width = 22 };
    private readonly Label _filterError = new() { X = 31, Y = 1, Width = Dim.Fill(), Height = 1 };
    private readonly Label _message = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = 1 };
    private readonly Label _hostLines = new() { X = 0, Y = 3, Width = Dim.Fill(), Height = 0 };
    private readonly Label _header = new() { X = 0, Width = Dim.Fill(), Height = 1 };
    private readonly PortsTableView _table = new() { X = 0, Width = Dim.Fill(), Height = Dim.Percent(45) };
    private readonly DetailPane _details = new() { X = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
    private readonly Schemes _schemes;
    private DetailBasis? _detailBasis;

    public MainWindow(IApplication app, UiContext context)
    {
        _app = app;
        _context = context;
        _screen = context.NewScreenState();
        _schemes = new Schemes(context.Colors);
        BorderStyle = LineStyle.None;
        Title = "tuiports";
        _header.Y = Pos.Bottom(_hostLines);
        _table.Y = Pos.Bottom(_header);
        _details.Y = Pos.Bottom(_table);
        _table.Table = new SocketTableSource([], RowLayout.For(80, [], Snapshot.Empty), Snapshot.Empty);
        Add(_summary, _filterLabel, _filter, _filterError, _message, _hostLines, _header, _table, _details, BuildStatusBar());

        _filter.TextChanged += (_, _) => Guard(OnFilterTextChanged);
        _table.ValueChanged += (_, _) => Guard(OnTableSelectionChanged);
        _app.Keyboard.KeyDown += OnKeyDown;
        FrameChanged += (_, _) => Guard(Render);
        _filter.Text = _screen.InitialFilterText; // --port 9000 starts with the filter typed in
        _table.SetFocus();
        Render();
    }

    /// <summary>Raised when Space toggles pause; the live binding pauses the poller.</summary>
    public event Action<bool>? PauseToggled;

    public event Action<SocketRow>? KillRequested;

    public event Action<SocketRow>? SignalMenuRequested;

    /// <summary>Raised by <c>c</c>: close the highlighted connection only (<see cref="CloseController"/> asks first).</summary>
    public event Action<SocketRow>? CloseRequested;

    /// <summary>
    /// Raised when the ports the scan can be narrowed to change (a port typed, the filter cleared): the live binding
    /// narrows the engine and scans at once.
    /// </summary>
    public event Action<Core.Filtering.PortFilter?>? PrefilterChanged;

    /// <summary>Raised by Ctrl+Z: the launcher suspends the process like a shell job and redraws on fg.</summary>
    public event Action? SuspendRequested;

    public SocketListState State => _screen.List;

    public ScreenState Screen => _screen;

    public TextField FilterField => _filter;

    public PortsTableView Table => _table;

    public IReadOnlyList<string> DetailLines { get; private set; } = [];

    /// <summary>The hosts that are not live, one line each, under the message line (several-host view only).</summary>
    public string HostLinesText => _hostLines.Text ?? string.Empty;

    /// <summary>A new snapshot (or a failed scan) from the pipeline. UI thread only.</summary>
    public void Apply(RefreshResult result) => Guard(() =>
    {
        _screen.Apply(result);
        Render();
    });

    /// <summary>Drops expired new/gone highlights and notices; called by a UI timer.</summary>
    public void Tick() => Guard(() =>
    {
        if (_screen.Tick())
        {
            Render();
        }
    });

    /// <summary>Shows a one-line notice (kill results) in the message line.</summary>
    public void ShowNotice(string notice) => Guard(() =>
    {
        _screen.ShowNotice(notice);
        Render();
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnKeyDown;
        }

        base.Dispose(disposing);
    }

    private StatusBar BuildStatusBar() => new(
        _context.Keys.Entries
            .Where(e => e.BarLabel is not null && e.Bindings.Count > 0 && (e.InReadOnly || !_screen.Options.ReadOnly))
            .Select(e => new Shortcut(e.Bindings[0], e.BarLabel, () => Guard(() => Run(e)), string.Empty)));

    private void OnFilterTextChanged()
    {
        var before = _screen.PortPrefilter;
        _screen.SetFilterText(_filter.Text);
        if (_screen.PortPrefilter?.Text != before?.Text)
        {
            PrefilterChanged?.Invoke(_screen.PortPrefilter);
        }

        _filterError.Text = _screen.FilterError ?? string.Empty;
        _filter.SetScheme(_screen.FilterError is null ? _schemes.Field : _schemes.InvalidField);
        _filterError.SetScheme(_schemes.Error);
        Render();
    }

    private void OnTableSelectionChanged()
    {
        if (_table.IsSyncing)
        {
            return;
        }

        int row = _table.SelectedRow;
        if (row >= 0 && row != State.SelectedIndex)
        {
            State.Select(row);
            RenderDetails();
        }
    }

    private void Render()
    {
        var snapshot = State.Snapshot;
        int width = Math.Max(1, Viewport.Width > 0 ? Viewport.Width : 80);
        var layout = RowLayout.For(width, State.Rows, snapshot);
        FitTableHeight();
        _header.Text = layout.Header();
        _header.SetScheme(_schemes.Header);
        _table.Show(State.Rows, layout, snapshot, State.SelectedIndex, RowScheme);
        _summary.Text = TerminalText.Sanitize(_screen.SummaryLine);
        _message.Text = TerminalText.Sanitize(_screen.MessageLine);
        _message.SetScheme(_screen.MessageIsError ? _schemes.Error : _schemes.Normal);
        var hostLines = _screen.HostLinesFor(width);
        _hostLines.Text = string.Join('\n', hostLines);
        _hostLines.Height = Dim.Absolute(hostLines.Count);
        _hostLines.SetScheme(_schemes.Error);
        RenderDetails();
        SetNeedsDraw();
    }

    /// <summary>The table takes what its rows need, up to 45% of the screen; the detail pane gets the rest.</summary>
    private void FitTableHeight()
    {
        int height = Viewport.Height > 0 ? Viewport.Height : 24;
        int cap = Math.Max(1, height * 45 / 100);
        _table.Height = Dim.Absolute(Math.Clamp(State.Rows.Count, Math.Min(3, cap), cap));
    }

    private Scheme? RowScheme(int rowIndex)
    {
        var rows = State.Rows;
        if (rowIndex < 0 || rowIndex >= rows.Count)
        {
            return null;
        }

        return rows[rowIndex].Mark switch
        {
            RowMark.New => _schemes.NewRow,
            RowMark.Gone => _schemes.GoneRow,
            _ when _screen.IsStale(rows[rowIndex].Socket.Host) => _schemes.StaleRow, // its host stopped answering
            _ => null,
        };
    }

    /// <summary>
    /// Rebuilds the detail pane only when the selected socket or the snapshot changed. The holders' fd tables are read
    /// off the UI thread; the pane shows the socket at once and fills the fds in when they arrive.
    /// </summary>
    private void RenderDetails()
    {
        var basis = _screen.Detail;
        if (_detailBasis == basis)
        {
            return;
        }

        bool sameSocket = _detailBasis?.Key == basis.Key;
        _detailBasis = basis;
        if (State.SelectedRow is not { } row)
        {
            ShowDetails([State.Snapshot.Sockets.Count == 0 ? "waiting for the first scan..." : "no socket matches the filter"], sameSocket);
            return;
        }

        bool asRoot = _screen.Options.AsRoot;
        ShowDetails(DetailsOf(row, null, asRoot), sameSocket);
        _context.FdTables.Load(State.Snapshot, row.Socket, facts => Guard(() =>
        {
            if (_detailBasis == basis)
            {
                ShowDetails(DetailsOf(row, facts, asRoot), keepScroll: true);
            }
        }));
    }

    /// <summary>The holders' details with the connection's lines (traffic, the other end, totals) under the first line.</summary>
    private List<string> DetailsOf(SocketRow row, Core.Presentation.DetailFacts? facts, bool asRoot)
    {
        var lines = HolderDetails.Build(row.Socket, facts, asRoot, row.Mark).ToList();
        lines.InsertRange(Math.Min(1, lines.Count), ConnectionDetails.Lines(row.Socket, State.Snapshot));
        return lines;
    }

    private void ShowDetails(IReadOnlyList<string> lines, bool keepScroll)
    {
        DetailLines = lines;
        _details.Show(lines, keepScroll);
    }

    /// <summary>An exception in a handler is shown, not fatal: the UI keeps running.</summary>
    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _screen.ShowNotice($"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            _message.Text = TerminalText.Sanitize(_screen.MessageLine);
        }
    }
}
