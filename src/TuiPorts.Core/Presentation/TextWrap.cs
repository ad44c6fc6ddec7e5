
namespace TuiPorts.Core.Presentation;

/// <summary>
/// The one word-wrapper for text a person reads on a narrow screen (the kill dialog, the F1 help, the detail pane):
/// breaks between words, cuts a word only when it alone is wider than the line, and indents continuation lines.
/// </summary>
public static class TextWrap
{
    /// <summary><paramref name="text"/> as lines of at most <paramref name="width"/> characters.</summary>
    public static IEnumerable<string> Lines(string text, int width, string continuation = "")
    {
        string rest = text;
        string indent = string.Empty;
        while (indent.Length + rest.Length > width)
        {
            int room = Math.Max(1, width - indent.Length);
            int space = rest.LastIndexOf(' ', Math.Min(room, rest.Length - 1));
            int take = space > 0 ? space : room;
            yield return indent + rest[..take];
            rest = rest[take..].TrimStart(' ');
            indent = continuation;
        }

        yield return indent + rest;
    }
}
