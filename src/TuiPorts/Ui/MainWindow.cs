using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// The full screen: summary line, filter field, message line, the socket table, the detail pane and the key legend.
/// It only draws <see cref="SocketListState"/> and forwards keys; everything it shows arrives through
/// <see cref="Apply"/> on the UI thread.
/// </summary>
public sealed partial class MainWindow : Window
{
    private readonly IApplication _app;
    private readonly UiContext _context;
    private readonly SocketListState _state;
    private readonly Label _summary = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _filterLabel = new() { X = 0, Y = 1, Text = "Filter:" };
    private readonly TextField _filter = new() { X = 8, Y = 1, Width = 22 };
    private readonly Label _filterError = new() { X = 31, Y = 1, Width = Dim.Fill(), Height = 1 };
    private readonly Label _message = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = 1 };
    private readonly Label _header = new() { X = 0, Y = 3, Width = Dim.Fill(), Height = 1 };
    private readonly PortsTableView _table = new() { X = 0, Y = 4, Width = Dim.Fill(), Height = Dim.Percent(45) };
    private readonly DetailPane _details = new() { X = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
    private readonly Schemes _schemes;
    private SocketQuery _baseQuery;
    private FilterText _filterText = FilterText.None;
    private string? _refreshError;
    private string? _notice;
    private DateTimeOffset _noticeUntil;
    private bool _paused;
    private RowLayout? _layout;
    private (Core.Snapshots.SocketKey? Key, RowMark? Mark, Core.Snapshots.Snapshot Snapshot)? _detailsBasis;

    public MainWindow(IApplication app, UiContext context)
    {
        _app = app;
        _context = context;
        _state = new SocketListState(TimeSpan.FromSeconds(Math.Max(2, context.Settings.Interval.TotalSeconds * 2)));
        _schemes = new Schemes(context.Settings.Colors);
        _baseQuery = context.InitialQuery with { Ports = null, Text = null };
        BorderStyle = LineStyle.None;
        Title = "tuiports";
        _details.Y = Pos.Bottom(_table);
        _table.Table = new SocketTableSource([], RowLayout.For(80, [], 0), 0);
        Add(_summary, _filterLabel, _filter, _filterError, _message, _header, _table, _details, BuildStatusBar());

        _filter.TextChanged += (_, _) => Guard(OnFilterTextChanged);
        _table.ValueChanged += (_, _) => Guard(OnTableSelectionChanged);
        _app.Keyboard.KeyDown += OnKeyDown;
        FrameChanged += (_, _) => Guard(Render);
        if (context.InitialQuery.Ports is { } ports)
        {
            _filter.Text = ports.Text; // --port 9000 starts with the filter typed in
        }

        _table.SetFocus();
        Render();
    }

    /// <summary>Raised when Space toggles pause; the live binding pauses the poller.</summary>
    public event Action<bool>? PauseToggled;

    /// <summary>Raised by K / F9 with the highlighted row pinned at that moment (the kill flow takes it from there).</summary>
    public event Action<SocketRow>? KillRequested;

    /// <summary>Raised by Ctrl+Z: the launcher suspends the process like a shell job and redraws on fg.</summary>
    public event Action? SuspendRequested;

    /// <summary>Raised by F9: choose a signal, then kill (htop's kill menu).</summary>
    public event Action<SocketRow>? SignalMenuRequested;

    public SocketListState State => _state;

    public TextField FilterField => _filter;

    public PortsTableView Table => _table;

    public IReadOnlyList<string> DetailLines { get; private set; } = [];

    /// <summary>A new snapshot (or a failed scan) from the pipeline. UI thread only.</summary>
    public void Apply(RefreshResult result) => Guard(() =>
    {
        if (result.Snapshot is { } snapshot)
        {
            _refreshError = null;
            _state.ApplySnapshot(snapshot, _context.Time.GetUtcNow());
        }
        else
        {
            _refreshError = result.Error; // keep the last good snapshot on screen
        }

        Render();
    });

    /// <summary>Drops expired new/gone highlights; called by a UI timer.</summary>
    public void Tick() => Guard(() =>
    {
        bool noticeExpired = _notice is not null && CurrentNotice() is null;
        if (_state.Expire(_context.Time.GetUtcNow()) | noticeExpired)
        {
            _notice = CurrentNotice();
            Render();
        }
    });

    /// <summary>Shows a one-line notice (kill results) in the message line.</summary>
    public void ShowNotice(string notice) => Guard(() =>
    {
        _notice = notice;
        _noticeUntil = _context.Time.GetUtcNow() + NoticeLifetime;
        Render();
    });

    /// <summary>How long a notice (a kill result) stays before the message line returns to warnings.</summary>
    public static TimeSpan NoticeLifetime { get; } = TimeSpan.FromSeconds(15);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnKeyDown;
        }

        base.Dispose(disposing);
    }

    private StatusBar BuildStatusBar() => new(
    [
        new Shortcut(Key.F1, "Help", () => Guard(ShowHelp), string.Empty),
        new Shortcut(new Key('/'), "Filter", () => _filter.SetFocus(), string.Empty),
        new Shortcut(Key.F6, "Sort", () => Guard(() => ChangeSort(_state.Sort.Next(1))), string.Empty),
        new Shortcut(Key.K.WithShift, "Kill", () => Guard(() => RequestKill(KillRequested)), string.Empty),
        new Shortcut(Key.Space, "Pause", () => Guard(TogglePause), string.Empty),
        new Shortcut(Key.F10, "Quit", () => _app.RequestStop(), string.Empty),
    ]);

    private void OnFilterTextChanged()
    {
        var parsed = FilterText.Parse(_filter.Text, _context.Services);
        if (parsed.IsValid)
        {
            _filterText = parsed;
        }

        // An invalid filter is flagged and the last valid one stays applied: the table never empties by surprise.
        _filterError.Text = parsed.Error ?? string.Empty;
        _filter.SetScheme(parsed.IsValid ? _schemes.Field : _schemes.InvalidField);
        _filterError.SetScheme(_schemes.Error);
        ApplyQuery();
    }

    private void ApplyQuery()
    {
        _notice = null; // a new view: old kill results and hints no longer apply
        _state.SetQuery(_filterText.ApplyTo(_baseQuery));
        Render();
    }

    private void ChangeSort(SortOrder sort)
    {
        _state.SetSort(sort);
        Render();
    }

    private void TogglePause()
    {
        _paused = !_paused;
        PauseToggled?.Invoke(_paused);
        Render();
    }

    private void RequestKill(Action<SocketRow>? handler)
    {
        if (_state.SelectedRow is not { } row)
        {
            ShowNotice("nothing to kill: no socket is highlighted");
            return;
        }

        if (handler is null)
        {
            ShowNotice("killing is not available here");
            return;
        }

        handler(row);
    }

    private void ShowHelp() =>
        MessageBox.Query(_app, "tuiports keys", KeyHelp.Text(), wrapMessage: false, "Close");

    private void OnTableSelectionChanged()
    {
        if (_table.IsSyncing)
        {
            return;
        }

        int row = _table.SelectedRow;
        if (row >= 0 && row != _state.SelectedIndex)
        {
            _state.Select(row);
            RenderDetails();
        }
    }

    private void Render()
    {
        var snapshot = _state.Snapshot;
        int width = Math.Max(1, Viewport.Width > 0 ? Viewport.Width : 80);
        _layout = RowLayout.For(width, _state.Rows, snapshot.OwnNetns);
        FitTableHeight();
        _header.Text = _layout.Header();
        _header.SetScheme(_schemes.Header);
        _table.Show(_state.Rows, _layout, snapshot.OwnNetns, _state.SelectedIndex, RowScheme);
        _summary.Text = StatusLines.Summary(_state, _paused, _context.Settings.Interval, _baseQuery.ListeningOnly, _context.Settings.ReadOnly);
        _message.Text = StatusLines.Message(_refreshError, CurrentNotice(), snapshot, _context.AsRoot);
        _message.SetScheme(_refreshError is not null || snapshot.HiddenOwnerSockets > 0 ? _schemes.Error : _schemes.Normal);
        RenderDetails();
        SetNeedsDraw();
    }

    /// <summary>The table takes what its rows need, up to 45% of the screen; the detail pane gets the rest.</summary>
    private void FitTableHeight()
    {
        int height = Viewport.Height > 0 ? Viewport.Height : 24;
        int cap = Math.Max(1, height * 45 / 100);
        _table.Height = Dim.Absolute(Math.Clamp(_state.Rows.Count, Math.Min(3, cap), cap));
    }

    private Scheme? RowScheme(int rowIndex)
    {
        var rows = _state.Rows;
        if (rowIndex < 0 || rowIndex >= rows.Count)
        {
            return null;
        }

        return rows[rowIndex].Mark switch
        {
            RowMark.New => _schemes.NewRow,
            RowMark.Gone => _schemes.GoneRow,
            _ => null,
        };
    }

    /// <summary>
    /// Rebuilds the detail pane (it reads the holders' fd tables) only when the selected socket or the snapshot changed:
    /// highlight expiry and other redraws leave it alone.
    /// </summary>
    private void RenderDetails()
    {
        var row = _state.SelectedRow;
        var basis = (row?.Key, row?.Mark, _state.Snapshot);
        if (_detailsBasis is { } shown && shown.Equals(basis))
        {
            return;
        }

        _detailsBasis = basis;
        DetailLines = row is null
            ? [_state.Snapshot.Sockets.Count == 0 ? "waiting for the first scan..." : "no socket matches the filter"]
            : HolderDetails.Build(row.Socket, _context.Root, _context.AsRoot, row.Mark);
        _details.Show(DetailLines);
    }

    private string? CurrentNotice() => _notice is not null && _context.Time.GetUtcNow() < _noticeUntil ? _notice : null;

    /// <summary>An exception in a handler is shown, not fatal: the UI keeps running.</summary>
    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _notice = $"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
            _noticeUntil = _context.Time.GetUtcNow() + NoticeLifetime;
            _message.Text = _notice;
        }
    }
}
