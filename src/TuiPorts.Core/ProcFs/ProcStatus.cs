using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>Reads the real uid from the <c>Uid:</c> line of /proc/&lt;pid&gt;/status.</summary>
public static class ProcStatus
{
    public static int? ParseUid(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("Uid:"))
            {
                continue;
            }

            var values = line[4..].Trim();
            int end = values.IndexOfAny(' ', '\t');
            var real = end < 0 ? values : values[..end];
            return int.TryParse(real, NumberStyles.None, CultureInfo.InvariantCulture, out int uid) ? uid : null;
        }

        return null;
    }
}
