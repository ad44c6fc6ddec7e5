using Terminal.Gui.Input;

namespace TuiPorts.Ui;

/// <summary>What a key does in the main window.</summary>
public enum UiCommand
{
    /// <summary>Documentation only: keys a view handles itself (moving, the filter field, the kill dialog).</summary>
    None,
    EditFilter,
    DeleteFilterChar,
    ClearFilter,
    FocusFilter,
    Kill,
    SignalMenu,
    ProcessTree,
    ToggleDetails,
    ToggleOtherFds,
    MessageLog,
    ToggleMouse,
    SortNext,
    SortPrevious,
    InvertSort,
    ListeningOnly,
    Pause,
    Help,
    Hosts,
    Quit,
    Suspend,
    SortTraffic,
    StateFilter,
    GoToOtherEnd,
    CloseConnection,
}

/// <summary>
/// One row of the key table: the keys as a person reads them, what they do, the keys that trigger it, and its label in
/// the status bar (null: not shown there). <see cref="Handler"/>, when set, replaces the command (a seam for tests).
/// </summary>
public sealed record KeyBinding(
    UiCommand Command,
    string Keys,
    string Help,
    IReadOnlyList<Key> Bindings,
    string? BarLabel = null,
    bool InReadOnly = true,
    Action? Handler = null)
{
    public bool Matches(Key key) => Bindings.Any(b => b == key);
}

/// <summary>
/// Every key of the UI, once: key dispatch, the status bar, the F1 help and docs/keys.md (a test keeps it in sync) all
/// come from <see cref="Default"/>.
/// </summary>
public sealed class KeyTable(IReadOnlyList<KeyBinding> entries)
{
    public static KeyTable Default { get; } = new(
    [
        new(UiCommand.EditFilter, "0-9 , -", "edit the port filter: 9000, 80,443, 8000-8100 (table keeps focus)", []),
        new(UiCommand.DeleteFilterChar, "Backspace", "remove the filter's last character", [Key.Backspace]),
        new(UiCommand.ClearFilter, "Esc", "clear the filter (Esc never quits)", [Key.Esc], "Clear"),
        new(UiCommand.FocusFilter, "/, F3 or F4", "search / filter by free text: name, command, user, address, host", [new Key('/'), Key.F3, Key.F4], "Search"),
        new(UiCommand.None, "Enter, Esc, Down (in filter)", "back to the table; letters typed there stay text", []),
        new(UiCommand.None, "Up Down PgUp PgDn Home End", "move the highlight (it never leaves the table)", []),
        new(UiCommand.None, "Tab", "move between table, details and filter", []),
        new(UiCommand.Kill, "K, k or F9", "kill the highlighted socket's owner (asks first)", [Key.K.WithShift, Key.K, Key.F9], "Kill", InReadOnly: false),
        new(UiCommand.SignalMenu, "S", "choose the signal (TERM, TERM+KILL, KILL, INT, HUP, QUIT), then kill; K keeps it", [Key.S.WithShift], InReadOnly: false),
        new(UiCommand.ProcessTree, "F5 or t", "process tree of the highlighted socket's holders", [Key.F5, Key.T]),
        new(UiCommand.CloseConnection, "c", "close the highlighted connection only: the process keeps running (asks first, default no)", [Key.C], InReadOnly: false),
        new(UiCommand.SortNext, "F6 or >", "sort by the next column", [Key.F6, new Key('>')], "Sort"),
        new(UiCommand.SortTraffic, "b", "sort by traffic (bytes/s in + out), busiest first", [Key.B]),
        new(UiCommand.StateFilter, "s", "one TCP state only (ESTAB, CLOSE-WAIT, TIME-WAIT ... those present), again for the next, then all", [Key.S]),
        new(UiCommand.GoToOtherEnd, "g", "go to the other end of a connection on this host", [Key.G]),
        new(UiCommand.SortPrevious, "<", "sort by the previous column", [new Key('<')]),
        new(UiCommand.InvertSort, "I", "invert the sort order", [Key.I.WithShift]),
        new(UiCommand.ListeningOnly, "l", "listening sockets only (toggle)", [Key.L]),
        new(UiCommand.ToggleDetails, "d", "details pane: shown, zoomed, hidden", [Key.D]),
        new(UiCommand.ToggleOtherFds, "o", "details: show or collapse the non-socket fds", [Key.O]),
        new(UiCommand.MessageLog, "m", "message log: every kill report and notice, whole", [Key.M]),
        new(UiCommand.ToggleMouse, "M", "mouse off / on (off: the terminal selects text again)", [Key.M.WithShift]),
        new(UiCommand.Pause, "Space", "pause / resume the live refresh", [Key.Space], "Pause"),
        new(UiCommand.Hosts, "H", "the hosts (--ssh): state, last data, lag, bytes/s", [Key.H.WithShift]),
        new(UiCommand.Help, "F1, ? or h", "this help (q, Esc, F1 or Enter closes it)", [Key.F1, new Key('?'), Key.H], "Help"),
        new(UiCommand.Quit, "q, F10 or Ctrl+C", "quit", [Key.F10, Key.Q, Key.C.WithCtrl], "Quit"),
        new(UiCommand.Suspend, "Ctrl+Z", "suspend to the shell (fg comes back)", [Key.Z.WithCtrl]),
        new(UiCommand.None, "in the kill dialog", "y the top holder, p its parent (on a worker), a all holders, n/Esc/Enter cancel", []),
    ]);

    public IReadOnlyList<KeyBinding> Entries { get; } = entries;

    /// <summary>The same table with more bindings (checked first).</summary>
    public KeyTable With(params KeyBinding[] extra) => new([.. extra, .. Entries]);

    public KeyBinding? Find(Key key) => Entries.FirstOrDefault(e => e.Matches(key));

    /// <summary>True for the characters that edit the port filter from the table.</summary>
    public static bool IsFilterChar(char c) => c is >= '0' and <= '9' or ',' or '-';

    /// <summary>The F1 help text: one aligned line per entry, descriptions wrapped to <paramref name="maxWidth"/>.</summary>
    public string HelpText(int maxWidth = 200) => string.Join('\n', HelpLines(maxWidth));

    /// <summary>The F1 help: every entry's aligned lines, then the legend of the table's marks, wrapped.</summary>
    public IReadOnlyList<string> HelpLines(int maxWidth, Core.Presentation.Glyphs glyphs) =>
        [.. HelpLines(maxWidth), string.Empty, .. Core.Presentation.TextWrap.Lines(Core.Presentation.Wording.Legend(glyphs), Math.Max(16, maxWidth), "  ")];

    private List<string> HelpLines(int maxWidth)
    {
        int keys = Entries.Max(e => e.Keys.Length);
        int room = Math.Max(16, maxWidth - keys - 2);
        var lines = new List<string>();
        foreach (var entry in Entries)
        {
            string label = entry.Keys.PadRight(keys);
            foreach (string part in Core.Presentation.TextWrap.Lines(entry.Help, room))
            {
                lines.Add($"{label}  {part}");
                label = new string(' ', keys);
            }
        }

        return lines;
    }

    /// <summary>The Markdown table docs/keys.md carries (a test compares them).</summary>
    public string MarkdownTable() =>
        string.Join('\n', ["| key | action |", "|---|---|", .. Entries.Select(e => $"| {e.Keys} | {e.Help} |")]) + "\n";
}
