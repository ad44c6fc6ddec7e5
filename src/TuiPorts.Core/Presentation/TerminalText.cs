using System.Buffers;
using System.Globalization;
using System.Text;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The one rule for text that others control (process names, command lines, users, paths, host names, remote fields,
/// a remote host's stderr, echoed arguments) on its way to a terminal: nothing in it may move the cursor, start an
/// escape sequence, reorder the line or change the terminal's state. Every character a terminal would act on becomes
/// something visible:
/// <list type="bullet">
/// <item>C0 controls U+0000-U+001F and DEL become their Control Pictures (ESC -> U+241B, LF -> U+240A, DEL -> U+2421),
/// the symbols the full-screen UI has always drawn for them;</item>
/// <item>C1 controls U+0080-U+009F become <c>\x9B</c> (a VT220 reads U+009B as CSI);</item>
/// <item>format characters (Unicode category Cf: the bidi controls U+202A-U+202E and U+2066-U+2069, U+200B-U+200F,
/// U+FEFF, ...), line and paragraph separators and lone surrogates become <c>\u202E</c> (<c>\U000E0001</c> beyond the
/// BMP);</item>
/// <item>bytes that are not UTF-8 (<see cref="Sanitize(ReadOnlySpan{byte})"/>) become <c>\xFF</c>.</item>
/// </list>
/// Everything else, letters of any script, U+FFFD and emoji included, passes unchanged. JSON does not use this: its
/// writer escapes on its own.
/// </summary>
public static class TerminalText
{
    private const char ControlPictures = '\u2400';
    private const char DeletePicture = '\u2421';

    /// <summary>
    /// <paramref name="text"/> as a terminal may show it on one line (a newline too becomes U+240A, so a name can never
    /// fake a row). The same string when nothing needed changing; "" for null.
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = FirstUnsafe(text, keepNewlines: false);
        return first < 0 ? text : Rewrite(text, first, keepNewlines: false);
    }

    /// <summary>
    /// Like <see cref="Sanitize(string?)"/> but keeps line feeds, for text that is several lines by nature (a remote
    /// host's stderr, a multi-line message); a carriage return still becomes U+240D, so no line overwrites another.
    /// </summary>
    public static string SanitizeLines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = FirstUnsafe(text, keepNewlines: true);
        return first < 0 ? text : Rewrite(text, first, keepNewlines: true);
    }

    /// <summary>
    /// Raw bytes (what a remote host wrote to stderr, a file name) as a terminal may show them: valid UTF-8 is decoded
    /// and sanitised as <see cref="Sanitize(string?)"/> does (or as <see cref="SanitizeLines"/> with
    /// <paramref name="keepNewlines"/>); every byte that is not part of valid UTF-8 becomes <c>\xNN</c>.
    /// </summary>
    public static string Sanitize(ReadOnlySpan<byte> utf8, bool keepNewlines = false)
    {
        var text = new StringBuilder(utf8.Length);
        while (!utf8.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(utf8, out var rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                Append(text, rune, keepNewlines);
            }
            else
            {
                for (int i = 0; i < consumed; i++)
                {
                    AppendHex(text, 'x', utf8[i], 2);
                }
            }

            utf8 = utf8[consumed..];
        }

        return text.ToString();
    }

    /// <summary>
    /// The last line of defence on a terminal-bound stream (the CLI's stdout and stderr): C0 controls other than line
    /// feed and tab, DEL and C1 controls become what <see cref="Sanitize(string?)"/> makes of them, so no escape
    /// sequence, bell or carriage return leaves tuiports even through a sentence that forgot to sanitise a field. JSON
    /// passes unchanged (its writer escapes all of these itself). Fields still go through <see cref="Sanitize(string?)"/>:
    /// only it stops a newline from faking a row and bidi controls from reordering one.
    /// </summary>
    public static string MaskControls(ReadOnlySpan<char> text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsStreamControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text.ToString();
        }

        var result = new StringBuilder(text.Length + 8);
        result.Append(text[..first]);
        foreach (char c in text[first..])
        {
            if (IsStreamControl(c))
            {
                Append(result, new Rune(c), keepNewlines: true);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>True for a character <see cref="MaskControls"/> replaces.</summary>
    public static bool IsStreamControl(char c) => c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f');

    /// <summary>True when <paramref name="text"/> would pass <see cref="Sanitize(string?)"/> unchanged.</summary>
    public static bool IsSafe(string text) => FirstUnsafe(text, keepNewlines: false) < 0;

    private static int FirstUnsafe(string text, bool keepNewlines)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= ' ' and < '\u007f')
            {
                continue; // printable ASCII: the common case
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsUnsafe(new Rune(c, text[i + 1]), keepNewlines))
                {
                    return i;
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsUnsafe(new Rune(c), keepNewlines))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Rewrite(string text, int first, bool keepNewlines)
    {
        var result = new StringBuilder(text.Length + 16);
        result.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Append(result, new Rune(c, text[i + 1]), keepNewlines);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                AppendHex(result, 'u', c, 4); // a lone surrogate: not text at all
            }
            else
            {
                Append(result, new Rune(c), keepNewlines);
            }
        }

        return result.ToString();
    }

    private static bool IsUnsafe(Rune rune, bool keepNewlines)
    {
        int value = rune.Value;
        if (value < 0x20)
        {
            return !(keepNewlines && value == '\n');
        }

        return value is >= 0x7f and <= 0x9f || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }

    private static void Append(StringBuilder text, Rune rune, bool keepNewlines)
    {
        int value = rune.Value;
        if (!IsUnsafe(rune, keepNewlines))
        {
            Span<char> chars = stackalloc char[2];
            text.Append(chars[..rune.EncodeToUtf16(chars)]);
        }
        else if (value < 0x20)
        {
            text.Append((char)(ControlPictures + value));
        }
        else if (value == 0x7f)
        {
            text.Append(DeletePicture);
        }
        else if (value <= 0x9f)
        {
            AppendHex(text, 'x', value, 2);
        }
        else if (rune.IsBmp)
        {
            AppendHex(text, 'u', value, 4);
        }
        else
        {
            AppendHex(text, 'U', value, 8);
        }
    }

    private static void AppendHex(StringBuilder text, char kind, int value, int digits) =>
        text.Append('\\').Append(kind).Append(value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
