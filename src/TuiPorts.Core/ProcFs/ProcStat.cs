using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>The fields of /proc/&lt;pid&gt;/stat the engine uses.</summary>
public sealed record ProcStat(int Pid, string Comm, char State, int ParentPid, ulong Flags, ulong StartTimeTicks)
{
    /// <summary>PF_KTHREAD: kernel threads ignore signals although kill(2) returns 0.</summary>
    public const ulong KernelThreadFlag = 0x00200000;

    /// <summary>A kernel's comm is 15 bytes (a workqueue worker's name with its queue, up to 63): longer is not a comm.</summary>
    public const int MaxCommLength = 64;

    public bool IsKernelThread => (Flags & KernelThreadFlag) != 0;

    /// <summary>
    /// comm is the text between the first '(' and the LAST ')' (a name may contain spaces and parentheses).
    /// After it: state(3) ppid(4) ... flags(9) ... starttime(22). Null when the text does not have that shape.
    /// </summary>
    public static ProcStat? Parse(string text)
    {
        int open = text.IndexOf('(');
        int close = text.LastIndexOf(')');
        if (open < 1 || close < open)
        {
            return null;
        }

        if (!int.TryParse(text.AsSpan(0, open).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return null;
        }

        string comm = text.Substring(open + 1, Math.Min(close - open - 1, MaxCommLength));
        var rest = text.AsSpan(close + 1);
        Span<Range> fields = stackalloc Range[21];
        int count = rest.SplitAny(fields, " \n", StringSplitOptions.RemoveEmptyEntries);

        // rest[0] is field 3 (state), so field N is rest[N - 3]; starttime (22) is rest[19].
        if (count < 20 || rest[fields[0]].Length != 1
            || !int.TryParse(rest[fields[1]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int ppid)
            || !ulong.TryParse(rest[fields[6]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong flags)
            || !ulong.TryParse(rest[fields[19]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong start))
        {
            return null;
        }

        return new ProcStat(pid, comm, rest[fields[0]][0], ppid, flags, start);
    }
}
