using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Ui.Idle;

/// <summary>
/// A self-pipe: <see cref="Wake"/> (any thread, also from a cancellation callback) makes <see cref="ReadFd"/> readable,
/// so a thread blocked in poll(2) on it and on the terminal returns at once.
/// </summary>
public sealed unsafe class WakePipe : IDisposable
{
    private readonly int _read;
    private readonly int _write;

    public WakePipe()
    {
        int* fds = stackalloc int[2];
        if (Pipe2(fds, OCloexec | ONonblock) != 0)
        {
            throw new IOException("pipe2 failed");
        }

        _read = fds[0];
        _write = fds[1];
    }

    public int ReadFd => _read;

    public void Wake()
    {
        byte one = 1;
        _ = Write(_write, &one, 1); // a full pipe (EAGAIN) is already awake
    }

    /// <summary>Empties the pipe after a wake-up.</summary>
    public void Drain()
    {
        byte* buffer = stackalloc byte[64];
        while (Read(_read, buffer, 64) > 0)
        {
        }
    }

    public void Dispose()
    {
        _ = Close(_read);
        _ = Close(_write);
    }
}
