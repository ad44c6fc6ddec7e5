namespace TuiPorts.Ui;

/// <summary>Every key of the UI, in one place: the help screen and docs/keys.md list exactly these.</summary>
public static class KeyHelp
{
    public static IReadOnlyList<(string Keys, string Action)> Entries { get; } =
    [
        ("0-9 , - Backspace", "edit the port filter (table keeps focus)"),
        ("/", "filter by free text: name, command, user, address"),
        ("Enter, Esc (in filter)", "back to the table; letters stay text"),
        ("Esc (in table)", "clear the filter"),
        ("Up Down PgUp PgDn Home End", "move the highlight (it never leaves the table)"),
        ("Tab", "move between table, details and filter"),
        ("K", "kill the highlighted socket's owner (asks first)"),
        ("F9", "choose the signal (TERM, TERM+KILL, KILL...), kill"),
        ("F6 or >, <", "sort by the next / previous column"),
        ("I", "invert the sort order"),
        ("l", "listening sockets only (toggle)"),
        ("Space", "pause / resume the live refresh"),
        ("F1 or ?", "this help"),
        ("q, F10 or Ctrl+C", "quit"),
        ("Ctrl+Z", "suspend to the shell (fg comes back)"),
        ("in the kill dialog", "y this process, a all holders, n/Esc/Enter cancel"),
    ];

    public static string Text()
    {
        int keys = Entries.Max(e => e.Keys.Length);
        var lines = Entries.Select(e => $"{e.Keys.PadRight(keys)}  {e.Action}").ToList();
        int width = lines.Max(l => l.Length);
        return string.Join('\n', lines.Select(l => l.PadRight(width))); // equal widths: the box centres them as one block
    }
}
