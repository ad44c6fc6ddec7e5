using System.Text;

namespace TuiPorts.Core.ProcFs;

/// <summary>/proc/&lt;pid&gt;/cmdline: NUL-separated arguments, possibly empty (kernel threads, zombies).</summary>
public static class CommandLine
{
    private const int MaxBytes = 64 * 1024;

    public static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxBytes)
        {
            raw = raw[..MaxBytes];
        }

        var text = Encoding.UTF8.GetString(raw.TrimEnd((byte)0));
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c == '\0' ? ' ' : char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>The first 64 KiB of the file, decoded; "" when it cannot be read.</summary>
    public static string Read(string path) => ProcFile.TryReadBytes(path, MaxBytes) is { } raw ? Decode(raw) : string.Empty;
}
