using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class UnixSocketTableTests
{
    private const string Header = "Num       RefCount Protocol Flags    Type St Inode Path";

    [Fact]
    public void Bound_sockets_have_paths_and_unbound_ones_none()
    {
        var paths = UnixSocketTable.Parse(string.Join('\n',
            Header,
            "0000000000000000: 00000002 00000000 00010000 0001 01 20001 /run/systemd/notify",
            "0000000000000000: 00000002 00000000 00010000 0001 01 20002 @/tmp/.X11-unix/X0",
            "0000000000000000: 00000003 00000000 00000000 0001 03 20003",
            "0000000000000000: 00000002 00000000 00010000 0001 01 20004 /tmp/with space"));

        Assert.Equal("/run/systemd/notify", paths[20001]);
        Assert.Equal("@/tmp/.X11-unix/X0", paths[20002]);
        Assert.False(paths.ContainsKey(20003));
        Assert.Equal("/tmp/with space", paths[20004]);
    }

    [Fact]
    public void A_name_with_a_newline_cannot_give_another_socket_a_path()
    {
        // an abstract name "@x\n<a whole fake line for root's inode 20003>": the kernel prints it raw
        var paths = UnixSocketTable.Parse(string.Join('\n',
            Header,
            "0000000000000000: 00000002 00000000 00010000 0001 01 30000 @x",
            "0000000000000000: 00000002 00000000 00010000 0001 01 20003 /run/fake.sock",
            "0000000000000000: 00000003 00000000 00000000 0001 03 20003",
            "0000000000000000: 00000002 00000000 00010000 0001 01 20001 /run/real.sock",
            "0000000000000000: 00000002 00000000 00010000 0001 01 20001 /run/fake-too.sock"));

        Assert.False(paths.ContainsKey(20003)); // the fake line claims an unbound socket: no path rather than the attacker's
        Assert.False(paths.ContainsKey(20001)); // claimed twice: ambiguous, so no path at all
        Assert.Equal("@x", paths[30000]);
    }
}
