using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// /proc/net/sockstat and sockstat6: how many sockets the namespace has, without listing them. A kernel-filtered
/// refresh reads only the matching sockets; the summary line's total comes from here.
/// </summary>
public static class SockStat
{
    private static readonly string[] Every = ["TCP", "TCP6", "UDP", "UDP6"];
    private static readonly string[] TcpOnly = ["TCP", "TCP6"];

    /// <summary>TCP in use + TIME_WAIT + UDP in use, over IPv4 and IPv6; null when neither file can be read.</summary>
    public static int? Total(ProcRoot root) => Sum(root, Every);

    /// <summary>TCP in use + TIME_WAIT, over IPv4 and IPv6: about how many records a TCP dump will bring.</summary>
    public static int? Tcp(ProcRoot root) => Sum(root, TcpOnly);

    /// <summary>Sums <c>inuse</c> of the TCP/TCP6/UDP/UDP6 lines and <c>tw</c> of the TCP line; null for no such lines.</summary>
    public static int? Parse(string? text) => Parse(text, Every);

    /// <summary>Like <see cref="Parse(string?)"/>, of the TCP/TCP6 lines only.</summary>
    public static int? ParseTcp(string? text) => Parse(text, TcpOnly);

    private static int? Sum(ProcRoot root, string[] protocols) =>
        Parse(ProcRoot.TryReadText($"{root.Path}/net/sockstat"), protocols) is var v4
        & Parse(ProcRoot.TryReadText($"{root.Path}/net/sockstat6"), protocols) is var v6
        && (v4 is not null || v6 is not null)
            ? (v4 ?? 0) + (v6 ?? 0)
            : null;

    private static int? Parse(string? text, string[] protocols)
    {
        if (text is null)
        {
            return null;
        }

        int? total = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            int colon = line.IndexOf(':');
            if (colon < 0 || !IsOneOf(line[..colon], protocols))
            {
                continue;
            }

            var fields = line[(colon + 1)..].Trim().ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i + 1 < fields.Length; i += 2)
            {
                if (fields[i] is "inuse" or "tw" && int.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                {
                    total = (total ?? 0) + n;
                }
            }
        }

        return total;
    }

    private static bool IsOneOf(ReadOnlySpan<char> name, string[] protocols)
    {
        foreach (string protocol in protocols)
        {
            if (name.SequenceEqual(protocol))
            {
                return true;
            }
        }

        return false;
    }
}
