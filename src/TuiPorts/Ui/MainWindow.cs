using System.Collections.ObjectModel;
using System.Globalization;
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
public sealed class MainWindow : Window
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
    private readonly ListView _details = new() { X = 0, Width = Dim.Fill(), Height = Dim.Fill(1), Title = "Details", BorderStyle = LineStyle.Single };
    private readonly Schemes _schemes;
    private SocketQuery _baseQuery;
    private FilterText _filterText = FilterText.None;
    private string? _refreshError;
    private string? _notice;
    private bool _paused;
    private bool _syncingSelection;
    private int _lastWidth = -1;
    private RowLayout? _layout;

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
        _details.CanFocus = true;
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
        if (_state.Expire(_context.Time.GetUtcNow()))
        {
            Render();
        }
    });

    /// <summary>Shows a one-line notice (kill results) in the message line.</summary>
    public void ShowNotice(string notice) => Guard(() =>
    {
        _notice = notice;
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
    [
        new Shortcut(Key.F1, "Help", () => Guard(ShowHelp), string.Empty),
        new Shortcut(new Key('/'), "Filter", () => _filter.SetFocus(), string.Empty),
        new Shortcut(Key.F6, "Sort", () => Guard(() => ChangeSort(_state.Sort.Next(1))), string.Empty),
        new Shortcut(Key.K.WithShift, "Kill", () => Guard(() => RequestKill(KillRequested)), string.Empty),
        new Shortcut(Key.Space, "Pause", () => Guard(TogglePause), string.Empty),
        new Shortcut(Key.F10, "Quit", () => _app.RequestStop(), string.Empty),
    ]);

    private void OnKeyDown(object? sender, Key key)
    {
        if (_app.TopRunnableView != this || key.Handled)
        {
            return; // a dialog is open: its keys are its own
        }

        Guard(() => key.Handled = _filter.HasFocus ? HandleFilterKey(key) : HandleTableKey(key));
    }

    private bool HandleFilterKey(Key key)
    {
        if (key == Key.Enter || key == Key.Esc || key == Key.CursorDown)
        {
            _table.SetFocus();
            return true;
        }

        return false; // everything else is text: k, K and q typed here never kill or quit
    }

    private bool HandleTableKey(Key key)
    {
        if (key == Key.F10)
        {
            _app.RequestStop();
            return true;
        }

        if (key == Key.F1)
        {
            ShowHelp();
            return true;
        }

        if (key == Key.F6)
        {
            ChangeSort(_state.Sort.Next(1));
            return true;
        }

        if (key == Key.F9)
        {
            RequestKill(SignalMenuRequested);
            return true;
        }

        if (key == Key.Backspace)
        {
            string text = _filter.Text ?? string.Empty;
            _filter.Text = text.Length > 0 ? text[..^1] : text;
            return true;
        }

        if (key == Key.Esc)
        {
            _filter.Text = string.Empty; // and never quit: Esc is Terminal.Gui's default quit key
            return true;
        }

        if (key.IsCtrl || key.IsAlt || !key.AsRune.IsBmp || key.AsRune.Value == 0)
        {
            return false;
        }

        char c = (char)key.AsRune.Value;
        switch (c)
        {
            case >= '0' and <= '9' or ',' or '-':
                _filter.Text = (_filter.Text ?? string.Empty) + c;
                return true;
            case '/':
                _filter.SetFocus();
                return true;
            case 'K':
                RequestKill(KillRequested);
                return true;
            case 'q':
                _app.RequestStop();
                return true;
            case ' ':
                TogglePause();
                return true;
            case 'l':
                _baseQuery = _baseQuery with { ListeningOnly = !_baseQuery.ListeningOnly };
                ApplyQuery();
                return true;
            case '>':
                ChangeSort(_state.Sort.Next(1));
                return true;
            case '<':
                ChangeSort(_state.Sort.Next(-1));
                return true;
            case 'I':
                ChangeSort(_state.Sort.Inverted());
                return true;
            case '?':
                ShowHelp();
                return true;
            default:
                return false;
        }
    }

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
        if (_syncingSelection)
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
        SyncTable(snapshot.OwnNetns);
        _summary.Text = Summary();
        _message.Text = Message();
        _message.SetScheme(_refreshError is not null || snapshot.HiddenOwnerSockets > 0 ? _schemes.Error : _schemes.Normal);
        RenderDetails();
        _lastWidth = width;
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

    /// <summary>Hands the table its new rows and re-selects the selected socket (the table must not move it).</summary>
    private void SyncTable(ulong ownNetns)
    {
        _syncingSelection = true;
        try
        {
            int offset = _table.RowOffset;
            _table.Table = new SocketTableSource(_state.Rows, _layout!, ownNetns);
            _table.Style.RowColorGetter = args => RowScheme(args.RowIndex);
            _table.RowOffset = offset;
            int index = _state.SelectedIndex;
            if (index >= 0)
            {
                _table.SetSelection(0, index, false);
                _table.EnsureCursorIsVisible();
            }
        }
        finally
        {
            _syncingSelection = false;
        }
    }

    private void RenderDetails()
    {
        var row = _state.SelectedRow;
        DetailLines = row is null
            ? [_state.Snapshot.Sockets.Count == 0 ? "waiting for the first scan..." : "no socket matches the filter"]
            : HolderDetails.Build(row.Socket, _context.Root, _context.AsRoot, row.Mark);
        int top = _details.Viewport.Y;
        _details.SetSource(new ObservableCollection<string>(DetailLines));
        if (top > 0 && top < DetailLines.Count)
        {
            _details.Viewport = _details.Viewport with { Y = top };
        }
    }

    private string Summary()
    {
        var snapshot = _state.Snapshot;
        var culture = CultureInfo.InvariantCulture;
        string count = string.Format(culture, "{0:N0} of {1:N0} sockets", _state.VisibleLiveCount, snapshot.Sockets.Count);
        string mode = _paused ? "PAUSED" : $"every {_context.Settings.Interval.TotalSeconds.ToString("0.#", culture)}s";
        string listening = _baseQuery.ListeningOnly ? "  listening only" : string.Empty;
        string taken = snapshot.TakenAt == DateTimeOffset.UnixEpoch ? "-" : snapshot.TakenAt.ToLocalTime().ToString("HH:mm:ss", culture);
        return $"tuiports  {count}{listening}  sort: {_state.Sort}  {mode}  {taken}";
    }

    private string Message()
    {
        if (_refreshError is not null)
        {
            return $"{_refreshError} (showing the last good snapshot; retrying)";
        }

        if (_notice is not null)
        {
            return _notice;
        }

        int hidden = _state.Snapshot.HiddenOwnerSockets;
        if (hidden > 0)
        {
            return _context.AsRoot
                ? $"owners of {hidden} sockets hidden (access refused even to root)"
                : $"owners of {hidden} sockets hidden — run with sudo";
        }

        return _state.Snapshot.Warnings.FirstOrDefault() ?? string.Empty;
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
            _notice = $"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
            _message.Text = _notice;
        }
    }
}
