using TuiPorts.Core.Interop;
using System.Runtime.InteropServices;

namespace TuiPorts.Core.ProcFs;

/// <summary>An fd that refers to a socket: <c>/proc/&lt;pid&gt;/fd/&lt;Fd&gt; -> socket:[Inode]</c>.</summary>
public readonly record struct SocketFd(int Fd, ulong Inode);

/// <summary>
/// Walks one <c>/proc/&lt;pid&gt;/fd</c> directory with opendir/readdir/readlinkat: one readlink per fd, no per-fd
/// allocation. This walk is the whole cost of mapping sockets to processes, so it is kept tight.
/// </summary>
public static unsafe class FdTableReader
{
    private static ReadOnlySpan<byte> SocketPrefix => "socket:"u8;

    /// <summary>Appends the socket fds of the directory to <paramref name="sockets"/> (a full walk).</summary>
    public static LinkStatus ReadSockets(string fdDirectory, List<SocketFd> sockets, out int fdCount)
    {
        var walk = new FdWalk();
        var status = ReadSockets(fdDirectory, walk);
        sockets.AddRange(walk.Sockets);
        fdCount = walk.Numbers.Count;
        return status;
    }

    /// <summary>Walks the directory into <paramref name="walk"/> (incrementally when it says so).</summary>
    /// <returns>
    /// Ok; Gone (the process exited); Denied when the directory or any link in it refused us (EACCES: not root, or a
    /// sandboxed process even for root) - the sockets that could be read are still found; or Failed.
    /// </returns>
    public static LinkStatus ReadSockets(string fdDirectory, FdWalk walk)
    {
        using var handle = NativeMethods.OpenDir(fdDirectory);
        if (handle.IsInvalid)
        {
            return LinkReader.Classify(Marshal.GetLastPInvokeError());
        }

        nint dir = handle.DangerousGetHandle(); // this method owns the handle and closes it (using) when done
        int dirFd = NativeMethods.DirFd(dir);
        byte* target = stackalloc byte[64];
        bool denied = false;
        nint entry;
        while ((entry = NativeMethods.ReadDir(dir)) != 0)
        {
            byte* name = (byte*)entry + NativeMethods.DirentNameOffset;
            if (!TryParseFdNumber(name, out int fd))
            {
                continue;
            }

            walk.Numbers.Add(fd);
            if (walk.TryKeep(fd, out ulong kept))
            {
                if (kept != 0)
                {
                    walk.Sockets.Add(new SocketFd(fd, kept));
                }

                continue;
            }

            walk.LinksRead++;
            nint length = NativeMethods.ReadLinkAt(dirFd, name, target, 64);
            if (length <= 0)
            {
                // ENOENT: the fd was closed between readdir and readlink (normal churn); EACCES: refused.
                denied |= LinkReader.Classify(Marshal.GetLastPInvokeError()) == LinkStatus.Denied;
                continue;
            }

            ulong inode = LinkReader.ParseBracketNumber(new ReadOnlySpan<byte>(target, (int)length), SocketPrefix);
            if (inode != 0)
            {
                walk.Sockets.Add(new SocketFd(fd, inode));
            }
        }

        return denied ? LinkStatus.Denied : LinkStatus.Ok;
    }

    /// <summary>Lists the numeric entries of a directory (pids of /proc, fds of /proc/&lt;pid&gt;/fd).</summary>
    public static LinkStatus ListNumbers(string directory, List<int> numbers)
    {
        using var handle = NativeMethods.OpenDir(directory);
        if (handle.IsInvalid)
        {
            return LinkReader.Classify(Marshal.GetLastPInvokeError());
        }

        nint dir = handle.DangerousGetHandle(); // this method owns the handle and closes it (using) when done
        nint entry;
        while ((entry = NativeMethods.ReadDir(dir)) != 0)
        {
            if (TryParseFdNumber((byte*)entry + NativeMethods.DirentNameOffset, out int number))
            {
                numbers.Add(number);
            }
        }

        return LinkStatus.Ok;
    }

    private static bool TryParseFdNumber(byte* name, out int number)
    {
        number = 0;
        if (*name == 0)
        {
            return false;
        }

        for (byte* p = name; *p != 0; p++)
        {
            if (*p < (byte)'0' || *p > (byte)'9' || number > (int.MaxValue - 9) / 10)
            {
                return false;
            }

            number = (number * 10) + (*p - '0');
        }

        return true;
    }
}

/// <summary>
/// The holder walk's seam onto <c>/proc/&lt;pid&gt;/fd</c>: the kernel's answer in production, a scripted one in tests
/// (a process that refuses even root, say) - without faking the proc tree's permissions.
/// </summary>
public interface IFdTableReader
{
    LinkStatus ReadSockets(ProcRoot root, int pid, FdWalk walk);
}

/// <summary>The fd-table readers there are.</summary>
public static class FdTables
{
    /// <summary>opendir/readlinkat on the proc root's <c>&lt;pid&gt;/fd</c>.</summary>
    public static IFdTableReader Kernel { get; } = new KernelFdTableReader();

    private sealed class KernelFdTableReader : IFdTableReader
    {
        public LinkStatus ReadSockets(ProcRoot root, int pid, FdWalk walk) =>
            FdTableReader.ReadSockets(root.PidFile(pid, "fd"), walk);
    }
}
