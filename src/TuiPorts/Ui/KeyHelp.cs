namespace TuiPorts.Ui;

/// <summary>Every key of the UI, in one place: the help screen and docs/keys.md list exactly these.</summary>
public static class KeyHelp
{
    public static IReadOnlyList<(string Keys, string Action)> Entries { get; } =
    [
        ("0-9 , - Backspace", "edit the port filter while the table keeps focus (9000, 80,443, 8000-8100)"),
        ("/", "focus the filter field for free text (process name, command line, user, address)"),
        ("Enter / Esc (in filter)", "back to the table; letters typed in the field stay text"),
        ("Esc (in table)", "clear the filter"),
        ("Up/Down PgUp/PgDn Home/End", "move the highlight"),
        ("Tab", "move between table, details and filter"),
        ("K or F9", "kill the highlighted socket's owner (asks first; SIGTERM by default)"),
        ("F6 or >", "sort by the next column"),
        ("<", "sort by the previous column"),
        ("I", "invert the sort order"),
        ("l", "show only listening sockets (toggle)"),
        ("Space", "pause / resume the live refresh"),
        ("F1 or ?", "this help"),
        ("q or F10", "quit"),
    ];

    public static string Text()
    {
        int width = Entries.Max(e => e.Keys.Length);
        return string.Join('\n', Entries.Select(e => $"{e.Keys.PadRight(width)}  {e.Action}"));
    }
}
