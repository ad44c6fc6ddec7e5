using System.Globalization;
using System.Text;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// What an attacker puts into every field they control (a process name, a command line, a user, a path, a remote
/// field), and the check that output contains nothing a terminal would act on. The check is written from the
/// terminal's side (ECMA-48 C0/C1, DEL, Unicode format characters), independently of the sanitiser it tests.
/// </summary>
public static class HostileText
{
    /// <summary>A window title, an OSC 52 clipboard write, a clear screen, a fake row, C1 CSI, a bidi override, an unterminated OSC.</summary>
    public const string Payload = "\u001b]2;pwned\u0007\u001b]52;c;aWQK\u0007\u001b[2J\n41000 fake row\r\u009b2J\u007f\u202edhss\u2066\u200b\ufeff\u2028\u001b]2;";

    /// <summary>A short name (comm is 15 bytes) that still carries escapes.</summary>
    public const string Name = "\u001b]2;x\u0007\u202e\n";

    /// <summary>True when <paramref name="text"/> has no character a terminal acts on, newlines allowed between lines.</summary>
    public static bool IsTerminalSafe(string text, bool allowNewlines = false)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int value = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                value = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false; // a lone surrogate
            }

            bool control = value < 0x20 && !(allowNewlines && value == '\n');
            bool c1OrDel = value is >= 0x7f and <= 0x9f;
            var category = CharUnicodeInfo.GetUnicodeCategory(value);
            bool format = category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (control || c1OrDel || format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same check on the bytes a writer produced: they must be valid UTF-8, and their text safe.</summary>
    public static bool IsTerminalSafe(byte[] utf8, bool allowNewlines = true)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return IsTerminalSafe(text, allowNewlines);
    }

    /// <summary>The first offending character of <paramref name="text"/>, for a readable failure.</summary>
    public static string Describe(string text, bool allowNewlines = true)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsTerminalSafe(text[i].ToString(), allowNewlines) && !char.IsSurrogate(text[i]))
            {
                int from = Math.Max(0, i - 20);
                return $"U+{(int)text[i]:X4} at {i} in ...{text[from..Math.Min(text.Length, i + 20)]}...";
            }
        }

        return "safe";
    }
}
