using Microsoft.Win32.SafeHandles;
using TuiPorts.Core.Interop;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// The identity check of the live refresh with one system call: <c>/proc/&lt;pid&gt;/stat</c> of every known process
/// is opened once and kept, and each refresh reads it again from its start (pread) instead of open + read + close.
/// A kept fd stays bound to the process it was opened on: once that process is reaped the read fails (ESRCH) even if
/// its pid has been reused, so the fd is closed and the pid's file opened afresh (the new process's start time then
/// differs, and the caller walks it). At most <see cref="MaxKept"/> files are kept; beyond, each check opens and closes.
/// Only the kernel's procfs is kept open: a copied or fixture tree's replaced file would keep reading the old content.
/// </summary>
public sealed class KeptStatFiles(ProcRoot root, bool keep)
{
    /// <summary>Kept fds at most (the runtime raises the soft fd limit to the hard one; 20,000 here, often 1M).</summary>
    public const int MaxKept = 1024;

    private readonly Dictionary<int, SafeFileHandle> _kept = [];

    public int Count => _kept.Count;

    /// <summary>The start time of the process now holding <paramref name="pid"/>; null when there is none (or unreadable).</summary>
    public ulong? ReadStartTime(int pid)
    {
        if (_kept.TryGetValue(pid, out var handle))
        {
            if (StartTimeReader.TryReadAt((int)handle.DangerousGetHandle(), out ulong known) == true)
            {
                return known;
            }

            Forget(pid); // reaped (or a line the fast path cannot take): open the pid's file afresh
        }

        int fd = StartTimeReader.Open(root.Path, pid);
        if (fd < 0)
        {
            return fd == StartTimeReader.PathTooLong ? ProcessReader.ReadStartTime(root, pid) : null;
        }

        var read = StartTimeReader.TryReadAt(fd, out ulong start);
        if (read == true && keep && _kept.Count < MaxKept)
        {
            _kept[pid] = new SafeFileHandle(fd, ownsHandle: true);
            return start;
        }

        NativeMethods.Close(fd);
        return read switch
        {
            true => start,
            false => null,
            null => ProcessReader.ReadStartTime(root, pid), // a stat line too long for the stack buffer
        };
    }

    /// <summary>The process is gone or no longer known: its file is closed.</summary>
    public void Forget(int pid)
    {
        if (_kept.Remove(pid, out var handle))
        {
            handle.Dispose();
        }
    }
}
