namespace TuiPorts.Core.Model;

/// <summary>
/// Host names as <c>--ssh</c> takes them: a plain grammar checked before ssh ever sees one (ASCII letters, digits and
/// <c>. - _ : @ [ ]</c>, not starting with <c>-</c>: a host, user@host, an alias, an IPv6 address in brackets), and the
/// natural order hosts sort in (h2 before h10).
/// </summary>
public static class HostNames
{
    public const int MaxLength = 255;

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name[0] != '-'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '@' or '[' or ']');

    /// <summary>Natural order: runs of digits compare as numbers (h2 &lt; h10), the rest ordinally; null first.</summary>
    public static int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int c = CompareNumber(x, ref i, y, ref j);
                if (c != 0)
                {
                    return c;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        int rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }

    /// <summary>Compares the digit runs at i and j (leading zeros ignored, then by length, then digit by digit) and moves past them.</summary>
    private static int CompareNumber(string x, ref int i, string y, ref int j)
    {
        int xs = Skip(x, i, '0'), ys = Skip(y, j, '0');
        int xe = End(x, xs), ye = End(y, ys);
        int c = (xe - xs).CompareTo(ye - ys);
        for (int k = 0; c == 0 && k < xe - xs; k++)
        {
            c = x[xs + k].CompareTo(y[ys + k]);
        }

        i = xe;
        j = ye;
        return c;
    }

    private static int Skip(string s, int at, char c)
    {
        while (at < s.Length - 1 && s[at] == c && char.IsAsciiDigit(s[at + 1]))
        {
            at++;
        }

        return at;
    }

    private static int End(string s, int at)
    {
        while (at < s.Length && char.IsAsciiDigit(s[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>A comparer for sorting host names naturally.</summary>
    public static IComparer<string?> Natural { get; } = Comparer<string?>.Create(Compare);
}
