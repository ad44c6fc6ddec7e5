using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// The signal masks of /proc/&lt;pid&gt;/status: which signals the process catches (SigCgt: it installed a handler),
/// ignores (SigIgn) and blocks (SigBlk). Bit N-1 stands for signal N. These are the kernel's own facts about what a
/// signal will do to the process, read before anything is sent.
/// </summary>
public sealed record SignalMasks(ulong Caught, ulong Ignored, ulong Blocked)
{
    public bool Catches(int signal) => Has(Caught, signal);

    public bool Ignores(int signal) => Has(Ignored, signal);

    public bool Blocks(int signal) => Has(Blocked, signal);

    private static bool Has(ulong mask, int signal) => signal is >= 1 and <= 64 && (mask & (1UL << (signal - 1))) != 0;

    /// <summary>Null unless all three lines are present and hexadecimal (a truncated or odd file says nothing).</summary>
    public static SignalMasks? Parse(string? statusText)
    {
        ulong? caught = null, ignored = null, blocked = null;
        foreach (var line in (statusText ?? string.Empty).AsSpan().EnumerateLines())
        {
            if (line.StartsWith("SigCgt:"))
            {
                caught = Hex(line[7..]);
            }
            else if (line.StartsWith("SigIgn:"))
            {
                ignored = Hex(line[7..]);
            }
            else if (line.StartsWith("SigBlk:"))
            {
                blocked = Hex(line[7..]);
            }
        }

        return caught is { } c && ignored is { } i && blocked is { } b ? new SignalMasks(c, i, b) : null;
    }

    private static ulong? Hex(ReadOnlySpan<char> text) =>
        ulong.TryParse(text.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value) ? value : null;
}
