using System.Globalization;
using System.Net.Sockets;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Netlink;

/// <summary>
/// Real unix sockets of this test process, one of them an attacker's abstract socket whose name carries a newline and
/// a whole fake /proc/net/unix line claiming the victim's inode.
/// </summary>
public sealed class UnixSockDiagTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tuiports-unix-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Names_come_from_the_kernel_whole_and_a_newline_fakes_nothing()
    {
        string victimPath = Path.Combine(_directory, "victim.sock");
        using var victim = Bound(victimPath);
        ulong victimInode = InodeOf(victim);
        string fakeLine = $"0000000000000000: 00000002 00000000 00010000 0001 01 {victimInode} /fake/path";
        using var attacker = Bound("\0x\n" + fakeLine);
        ulong attackerInode = InodeOf(attacker);

        var names = UnixSockDiag.TryReadNames();

        Assert.NotNull(names);
        Assert.Equal(victimPath, names[victimInode]);
        Assert.Equal("@x\n" + fakeLine, names[attackerInode]);

        // the fallback: /proc/net/unix as the kernel prints it, line by line
        using var file = ProcFile.TryOpen("/proc/self/net/unix")!;
        var fromFile = UnixSocketTable.Parse(ProcFile.Lines(file));
        Assert.NotEqual("/fake/path", fromFile.GetValueOrDefault(victimInode));
        Assert.Equal("@x", fromFile[attackerInode]);
    }

    [Fact]
    public void An_unnamed_socket_is_listed_with_an_empty_name_so_the_detail_pane_can_say_unix()
    {
        using var unbound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        ulong inode = InodeOf(unbound);

        var names = UnixSockDiag.TryReadNames();

        Assert.NotNull(names);
        Assert.Equal(string.Empty, names[inode]);
    }

    private static Socket Bound(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(name));
        return socket;
    }

    private static ulong InodeOf(Socket socket)
    {
        string target = new FileInfo($"/proc/self/fd/{socket.Handle.ToInt32().ToString(CultureInfo.InvariantCulture)}").LinkTarget!;
        return ulong.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture);
    }
}
