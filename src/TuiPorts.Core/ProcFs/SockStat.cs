using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// /proc/net/sockstat and sockstat6: how many sockets the namespace has, without listing them. A kernel-filtered
/// refresh reads only the matching sockets; the summary line's total comes from here.
/// </summary>
public static class SockStat
{
    /// <summary>TCP in use + TIME_WAIT + UDP in use, over IPv4 and IPv6; null when neither file can be read.</summary>
    public static int? Total(ProcRoot root) =>
        Parse(ProcRoot.TryReadText($"{root.Path}/net/sockstat")) is var v4 & Parse(ProcRoot.TryReadText($"{root.Path}/net/sockstat6")) is var v6
        && (v4 is not null || v6 is not null)
            ? (v4 ?? 0) + (v6 ?? 0)
            : null;

    /// <summary>Sums <c>inuse</c> of the TCP/TCP6/UDP/UDP6 lines and <c>tw</c> of the TCP line; null for no such lines.</summary>
    public static int? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        int? total = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            int colon = line.IndexOf(':');
            if (colon < 0 || line[..colon] is not ("TCP" or "TCP6" or "UDP" or "UDP6"))
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
}
