using TuiPorts.Core.Interop;

namespace TuiPorts.Core.Tests.Interop;

/// <summary>The fds tuiports owns are SafeHandles: closed once, however often disposed, and never used after.</summary>
public sealed class SafeFdTests
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
    public void A_netlink_socket_is_closed_by_dispose_and_a_second_dispose_does_nothing()
    {
        var socket = NativeMethods.Socket(NativeMethods.AfNetlink, NativeMethods.SockRaw | NativeMethods.SockCloexec, NativeMethods.NetlinkSockDiag);
        Assert.False(socket.IsInvalid);
        int fd = (int)socket.DangerousGetHandle();
        string? before = LinkOf(fd);
        Assert.StartsWith("socket:[", before);

        socket.Dispose();
        socket.Dispose();

        Assert.True(socket.IsClosed);
        Assert.NotEqual(before, LinkOf(fd)); // gone (or, in a busy test host, a different file under the same number)
        Assert.Throws<ObjectDisposedException>(() => socket.Borrow());
    }

    [Fact]
    public void A_failed_call_gives_an_invalid_handle_that_disposes_quietly()
    {
        var socket = NativeMethods.Socket(-1, NativeMethods.SockRaw, 0); // no such address family: EAFNOSUPPORT

        Assert.True(socket.IsInvalid);
        socket.Dispose();
        socket.Dispose();
    }

    [Fact]
    public void A_directory_handle_from_opendir_is_closed_once()
    {
        var dir = NativeMethods.OpenDir("/proc/self/fd");
        Assert.False(dir.IsInvalid);

        dir.Dispose();
        dir.Dispose();

        Assert.True(dir.IsClosed);
        Assert.True(NativeMethods.OpenDir("/no/such/directory").IsInvalid);
    }
}
