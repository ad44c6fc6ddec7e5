namespace TuiPorts.Core.Presentation;

/// <summary>
/// The few non-ASCII marks the screen draws (separators, sort arrows, rules), or their ASCII stand-ins when the locale
/// is not UTF-8 (<c>LANG=C</c>, a serial console): a terminal that cannot show a glyph gets one it can.
/// </summary>
public sealed record Glyphs(bool Unicode)
{
    public static Glyphs Utf8 { get; } = new(true);

    public static Glyphs Ascii { get; } = new(false);

    /// <summary>Between hints: "type a port · / text · Esc clears".</summary>
    public string Dot => Unicode ? "·" : "-";

    public string Ascending => Unicode ? "▲" : "^";

    public string Descending => Unicode ? "▼" : "v";

    /// <summary>The horizontal rule of a pane's title line.</summary>
    public char Rule => Unicode ? '─' : '-';

    /// <summary>
    /// The locale's glyphs, as the C library decides: the first of LC_ALL, LC_CTYPE, LANG that is set names the
    /// character set; none set is the POSIX locale (ASCII).
    /// </summary>
    public static Glyphs ForLocale(Func<string, string?> environment)
    {
        string? locale = new[] { "LC_ALL", "LC_CTYPE", "LANG" }.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is not null && (locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || locale.Contains("utf8", StringComparison.OrdinalIgnoreCase))
            ? Utf8
            : Ascii;
    }

    public static Glyphs ForThisProcess() => ForLocale(Environment.GetEnvironmentVariable);
}
