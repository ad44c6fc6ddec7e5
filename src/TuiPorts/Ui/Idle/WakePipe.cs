using TuiPorts.Core.Interop;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Ui.Idle;

/// <summary>
/// A self-pipe: <see cref="Wake"/> (any thread, also from a cancellation callback) makes <see cref="ReadFd"/> readable,
/// so a thread blocked in poll(2) on it and on the terminal returns at once. Both ends are <see cref="SafeFd"/>s:
/// Dispose closes each exactly once however often it is called, and a Wake that races it (a late cancellation) is a
/// no-op instead of a write to an fd number the kernel may have reused.
/// </summary>
public sealed unsafe class WakePipe : IDisposable
{
    private readonly SafeFd _read;
    private readonly SafeFd _write;

    public WakePipe()
    {
        int* fds = stackalloc int[2];
        if (Pipe2(fds, OCloexec | ONonblock) != 0)
        {
            throw new IOException("pipe2 failed");
        }

        _read = new SafeFd(fds[0]);
        _write = new SafeFd(fds[1]);
    }

    /// <summary>The read end, for poll(2) by the thread that owns this pipe; -1 (which poll ignores) once disposed.</summary>
    public int ReadFd => _read.IsClosed ? -1 : (int)_read.DangerousGetHandle();

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _read.IsClosed;

    public void Wake()
    {
        if (!TryBorrow(_write, out var fd))
        {
            return;
        }

        using (fd)
        {
            byte one = 1;
            _ = Write(fd.Fd, &one, 1); // a full pipe (EAGAIN) is already awake
        }
    }

    /// <summary>Empties the pipe after a wake-up.</summary>
    public void Drain()
    {
        if (!TryBorrow(_read, out var fd))
        {
            return;
        }

        using (fd)
        {
            byte* buffer = stackalloc byte[64];
            while (Read(fd.Fd, buffer, 64) > 0)
            {
            }
        }
    }

    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
    }

    private static bool TryBorrow(SafeFd end, out SafeFd.Lease lease)
    {
        try
        {
            lease = end.Borrow();
            return true;
        }
        catch (ObjectDisposedException)
        {
            lease = default;
            return false;
        }
    }
}
