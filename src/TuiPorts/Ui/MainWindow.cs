using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;

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
    private readonly Label _hostLines = new() { X = 0, Width = Dim.Fill(), Height = 0 };
    private readonly Label _header = new() { X = 0, Width = Dim.Fill(), Height = 1 };
    private readonly PortsTableView _table = new() { X = 0, Width = Dim.Fill(), Height = Dim.Percent(45) };
    private readonly DetailPane _details;
    private readonly Schemes _schemes;
    private readonly Label _keyBar = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
    private DetailBasis? _detailBasis;
    private PaneMode _paneMode = PaneMode.Shown;
    private bool _otherFds;
    private bool _mouse = true;

    public MainWindow(IApplication app, UiContext context)
    {
        _app = app;
        _context = context;
        _screen = context.NewScreenState();
        _schemes = new Schemes(context.Colors);
        _details = new DetailPane(context.Glyphs) { X = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        _mouse = context.Mouse;
        BorderStyle = LineStyle.None;
        Title = "tuiports";
        _hostLines.Y = Pos.Bottom(_message);
        _header.Y = Pos.Bottom(_hostLines);
        _table.Y = Pos.Bottom(_header);
        _details.Y = Pos.Bottom(_table);
        _table.Table = new SocketRowsSource([], RowLayout.For(80, [], Snapshot.Empty), Snapshot.Empty);
        Add(_summary, _filterLabel, _filter, _filterError, _message, _hostLines, _header, _table, _details, _keyBar);
        SetScheme(_schemes.Normal); // the terminal's own background; the views below inherit it
        _table.SetScheme(_schemes.Normal);
        _filter.SetScheme(_schemes.Field);

        _filter.TextChanged += (_, _) => Guard(OnFilterTextChanged);
        _table.ValueChanged += (_, _) => Guard(OnTableSelectionChanged);
        _app.Keyboard.KeyDown += OnKeyDown;
        _table.Commands = key =>
        {
            bool handled = false;
            Guard(() => handled = _app.TopRunnableView == this && HandleTableKey(key));
            return handled;
        };
        FrameChanged += (_, _) => Guard(Render);
        _filter.Text = _screen.InitialFilterText; // --port 9000 starts with the filter typed in
        _table.SetFocus();
        ShowFilterHint();
        Render();
    }

    /// <summary>Raised when Space toggles pause; the live binding pauses the poller.</summary>
    public event Action<bool>? PauseToggled;

    public event Action<SocketRow>? KillRequested;

    public event Action<SocketRow>? SignalMenuRequested;

    /// <summary>How the detail pane shares the screen with the table (<c>d</c> cycles).</summary>
    public enum PaneMode
    {
        Shown,
        Zoomed,
        Hidden,
    }

    /// <summary>The signal K sends now (the kill flow's choice); the status bar names it when it is not TERM.</summary>
    public Func<Core.Killing.KillRequest>? CurrentKillRequest { get; set; }

    public PaneMode DetailMode => _paneMode;

    public DetailPane Details => _details;

    /// <summary>The status bar's labels, in order ("F1 Help", "Esc Clear", ...).</summary>
    public IReadOnlyList<string> StatusBarLabels { get; private set; } = [];

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

    internal TextField FilterField => _filter;

    internal PortsTableView Table => _table;

    public IReadOnlyList<string> DetailLines { get; private set; } = [];

    /// <summary>The hosts that are not live, one line each, under the message line (several-host view only).</summary>
    internal string HostLinesText => _hostLines.Text ?? string.Empty;

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

    /// <summary>
    /// The key bar at the bottom, from <see cref="KeyTable"/>: what the keys would do now - Esc clears only a filter,
    /// Space resumes a pause, K names its signal when it is not TERM. Help comes first, as in htop.
    /// </summary>
    private void UpdateStatusBar()
    {
        var labels = new List<string>();
        foreach (var entry in _context.Keys.Entries.Where(e => e.BarLabel is not null && e.Bindings.Count > 0 && (e.InReadOnly || !_screen.Options.ReadOnly)))
        {
            string? label = entry.Command switch
            {
                UiCommand.ClearFilter => _screen.IsFiltered || !string.IsNullOrEmpty(_filter.Text) ? entry.BarLabel : null,
                UiCommand.Pause => _screen.Paused ? "Resume" : "Pause",
                UiCommand.Kill => CurrentKillRequest is { } request ? Wording.KillLabel(request()) : entry.BarLabel,
                _ => entry.BarLabel,
            };
            if (label is not null)
            {
                labels.Add($"{KeyName(entry.Bindings[0])} {label}");
            }
        }

        int help = labels.FindIndex(l => l.StartsWith("F1 ", StringComparison.Ordinal));
        if (help > 0)
        {
            labels.Insert(0, labels[help]);
            labels.RemoveAt(help + 1);
        }

        StatusBarLabels = labels;
        QuietUpdates.SetText(_keyBar, string.Join("  ", labels));
    }

    private static string KeyName(Key key) => key == Key.Esc ? "Esc" : key == Key.Space ? "Space" : key.AsRune.Value is > 32 and < 127 && !key.IsCtrl && !key.IsAlt ? ((char)key.AsRune.Value).ToString() : key.ToString();

    private void OnFilterTextChanged()
    {
        var before = _screen.PortPrefilter;
        _screen.SetFilterText(_filter.Text);
        if (_screen.PortPrefilter?.Text != before?.Text)
        {
            PrefilterChanged?.Invoke(_screen.PortPrefilter);
        }

        ShowFilterHint();
        _filter.SetScheme(_screen.FilterError is null ? _schemes.Field : _schemes.InvalidField);
        Render();
    }

    /// <summary>Beside the field: why its text is not applied, or - while it is empty - how to use it.</summary>
    private void ShowFilterHint()
    {
        bool empty = string.IsNullOrEmpty(_filter.Text);
        _filterError.Text = _screen.FilterError ?? (empty ? Wording.FilterHint(_context.Glyphs) : string.Empty);
        _filterError.SetScheme(_screen.FilterError is null ? _schemes.Hint : _schemes.Error);
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

    /// <summary>
    /// Hands every view what it shows now. Only what changed is assigned (<see cref="QuietUpdates"/>): a refresh that
    /// changes rows redraws the table, not the window around it.
    /// </summary>
    private void Render()
    {
        var snapshot = State.Snapshot;
        int width = Math.Max(1, Viewport.Width > 0 ? Viewport.Width : 80);
        var layout = RowLayout.For(width, State.Rows, snapshot);
        FitTableHeight();
        QuietUpdates.SetText(_header, layout.Header(State.Sort, _context.Glyphs));
        QuietUpdates.SetScheme(_header, _schemes.Header);
        _table.Show(State.Rows, layout, snapshot, State.SelectedIndex, RowScheme);
        _table.SetNeedsDraw(); // the marks and the selection are drawn from the rows, whatever the table made of them
        QuietUpdates.SetText(_summary, TerminalText.Sanitize(_screen.SummaryLine));
        var message = TextWrap.Lines(TerminalText.Sanitize(_screen.MessageLine), width).ToList(); // a report wraps to two lines; m has it whole
        QuietUpdates.SetText(_message, string.Join('\n', message.Count <= 2 ? message : [message[0], message[1][..Math.Max(0, message[1].Length - 4)] + " (m)"]));
        QuietUpdates.SetHeight(_message, Dim.Absolute(Math.Clamp(message.Count, 1, 2)));
        QuietUpdates.SetScheme(_message, _screen.MessageIsError ? _schemes.Error : _schemes.Normal);
        var hostLines = _screen.HostLinesFor(width);
        QuietUpdates.SetText(_hostLines, string.Join('\n', hostLines));
        QuietUpdates.SetHeight(_hostLines, Dim.Absolute(hostLines.Count));
        QuietUpdates.SetScheme(_hostLines, _schemes.Error);
        RenderDetails();
        UpdateStatusBar();
    }

    /// <summary>
    /// The table takes what its rows need, up to 45% of the screen, and the detail pane the rest; zoomed, the pane
    /// leaves the table three rows; hidden, the table has it all.
    /// </summary>
    private void FitTableHeight()
    {
        int height = Viewport.Height > 0 ? Viewport.Height : 24;
        int cap = Math.Max(1, height * 45 / 100);
        QuietUpdates.SetVisible(_details, _paneMode != PaneMode.Hidden);
        QuietUpdates.SetHeight(_table, _paneMode switch
        {
            PaneMode.Hidden => Dim.Fill(1),
            PaneMode.Zoomed => Dim.Absolute(Math.Clamp(State.Rows.Count, 1, 3)),
            _ => Dim.Absolute(Math.Clamp(State.Rows.Count, Math.Min(3, cap), cap)),
        });
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
        if (_detailBasis == basis && State.SelectedRow is not null)
        {
            return;
        }

        bool sameSocket = _detailBasis?.Key == basis.Key;
        _detailBasis = basis;
        if (State.SelectedRow is not { } row)
        {
            ShowDetails(new DetailText([_screen.EmptyText], []), sameSocket);
            return;
        }

        bool asRoot = _screen.Options.AsRoot;
        bool otherFds = _otherFds;
        ShowDetails(DetailsOf(row, null, asRoot, otherFds), sameSocket);
        _context.FdTables.Load(State.Snapshot, row.Socket, facts => Guard(() =>
        {
            if (_detailBasis == basis)
            {
                ShowDetails(DetailsOf(row, facts, asRoot, otherFds), keepScroll: true);
            }
        }));
    }

    /// <summary>The holders' details; the connection's lines (traffic, the other end, totals) open the scrolling body.</summary>
    private DetailText DetailsOf(SocketRow row, Core.Presentation.DetailFacts? facts, bool asRoot, bool otherFds)
    {
        var text = HolderDetails.Build(row.Socket, facts, asRoot, row.Mark, otherFds);
        return text with { Body = [.. ConnectionDetails.Lines(row.Socket, State.Snapshot), .. text.Body] };
    }

    private void ShowDetails(DetailText text, bool keepScroll)
    {
        DetailLines = text.Lines;
        _details.Show(text, keepScroll);
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
