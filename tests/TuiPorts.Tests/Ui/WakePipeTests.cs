using TuiPorts.Ui.Idle;

namespace TuiPorts.Tests.Ui;

/// <summary>The UI's self-pipe: Dispose closes both ends once, and a late Wake (a cancellation racing shutdown) is harmless.</summary>
public sealed class WakePipeTests
{
    private static string? LinkOf(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [Fact]
    public void Dispose_is_idempotent_and_wake_and_drain_after_it_do_nothing()
    {
        var pipe = new WakePipe();
        int readFd = pipe.ReadFd;
        string? before = LinkOf(readFd);
        Assert.StartsWith("pipe:[", before);

        pipe.Dispose();
        pipe.Dispose();
        pipe.Wake();
        pipe.Drain();

        Assert.True(pipe.IsDisposed);
        Assert.Equal(-1, pipe.ReadFd); // poll(2) ignores a negative fd
        Assert.NotEqual(before, LinkOf(readFd));
    }

    [Fact]
    public void Wake_makes_the_read_end_readable()
    {
        using var pipe = new WakePipe();

        pipe.Wake();

        using var reader = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(pipe.ReadFd, ownsHandle: false), FileAccess.Read, 1);
        Assert.Equal(1, reader.ReadByte());
    }
}
