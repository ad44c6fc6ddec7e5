using TuiPorts.Core.Interop;
using System.Runtime.InteropServices;
using System.Text;

namespace TuiPorts.Core.ProcFs;

/// <summary>Outcome of one readlink(2): the target, or why there is none.</summary>
public enum LinkStatus
{
    Ok,
    /// <summary>ENOENT/ESRCH: the process or fd went away between listing and reading. Normal.</summary>
    Gone,
    /// <summary>EACCES/EPERM: not allowed to look (another user's process when not root).</summary>
    Denied,
    /// <summary>Anything else (not a link, I/O error).</summary>
    Failed,
}

/// <summary>readlink(2) with the errno kept, so "vanished" and "not allowed" can be told apart.</summary>
public static class LinkReader
{
    public static unsafe LinkStatus TryRead(string path, out string target)
    {
        const int size = 512;
        byte* buffer = stackalloc byte[size];
        nint length = NativeMethods.ReadLink(path, buffer, size);
        if (length < 0)
        {
            target = string.Empty;
            return Classify(Marshal.GetLastPInvokeError());
        }

        target = Encoding.UTF8.GetString(buffer, (int)Math.Min(length, size));
        return LinkStatus.Ok;
    }

    /// <summary>
    /// Reads a link of the form <c>prefix:[number]</c> (a socket or namespace link) without allocating a string.
    /// Returns <see cref="LinkStatus.Ok"/> with <paramref name="number"/> = 0 when the link is something else.
    /// </summary>
    public static unsafe LinkStatus TryReadBracketNumber(string path, ReadOnlySpan<byte> prefix, out ulong number)
    {
        const int size = 128;
        byte* buffer = stackalloc byte[size];
        nint length = NativeMethods.ReadLink(path, buffer, size);
        number = 0;
        if (length < 0)
        {
            return Classify(Marshal.GetLastPInvokeError());
        }

        var text = new ReadOnlySpan<byte>(buffer, (int)Math.Min(length, size));
        number = ParseBracketNumber(text, prefix);
        return LinkStatus.Ok;
    }

    /// <summary>Parses <c>socket:[1234]</c> style text; 0 when it does not have that shape.</summary>
    public static ulong ParseBracketNumber(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (!text.StartsWith(prefix) || text.Length < prefix.Length + 3)
        {
            return 0;
        }

        var rest = text[prefix.Length..];
        if (rest[0] != (byte)'[' || rest[^1] != (byte)']')
        {
            return 0;
        }

        ulong value = 0;
        foreach (byte b in rest[1..^1])
        {
            if (b < (byte)'0' || b > (byte)'9' || value > (ulong.MaxValue - 9) / 10)
            {
                return 0;
            }

            value = (value * 10) + (ulong)(b - '0');
        }

        return value;
    }

    internal static LinkStatus Classify(int errno) => errno switch
    {
        NativeMethods.ENOENT or NativeMethods.ESRCH => LinkStatus.Gone,
        NativeMethods.EACCES or NativeMethods.EPERM => LinkStatus.Denied,
        _ => LinkStatus.Failed,
    };
}
