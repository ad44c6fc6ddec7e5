using System.Text;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class ProcessFileTests
{
    [Theory]
    [InlineData("nginx")]
    [InlineData("tmux: server")]
    [InlineData("a) b (c")]
    [InlineData("))")]
    [InlineData("")]
    public void Stat_comm_is_between_the_first_open_and_the_last_close_paren(string comm)
    {
        var stat = ProcStat.Parse(FixtureProcTree.Stat(4321, comm, ppid: 77, startTicks: 987654));

        Assert.NotNull(stat);
        Assert.Equal(comm, stat.Comm);
        Assert.Equal(4321, stat.Pid);
        Assert.Equal(77, stat.ParentPid);
        Assert.Equal(987654UL, stat.StartTimeTicks);
        Assert.False(stat.IsKernelThread);
    }

    [Fact]
    public void Stat_recognises_kernel_threads()
    {
        var stat = ProcStat.Parse(FixtureProcTree.Stat(2, "kthreadd", ppid: 0, flags: 0x00208040));
        Assert.True(stat!.IsKernelThread);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 (x")]
    [InlineData("12 (x) S 1 2 3")]
    [InlineData("abc (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20")]
    [InlineData("12 (x) S 1 2 3 4 5 zz 7 8 9 10 11 12 13 14 15 16 17 18 19 20")]
    public void Stat_garbage_gives_null(string text)
    {
        Assert.Null(ProcStat.Parse(text));
    }

    [Fact]
    public void Status_gives_the_real_uid()
    {
        Assert.Equal(33, ProcStatus.ParseUid("Name:\tnginx\nUmask:\t0022\nUid:\t33\t0\t33\t33\nGid:\t1\t1\t1\t1\n"));
        Assert.Null(ProcStatus.ParseUid("Name:\tx\n"));
        Assert.Null(ProcStatus.ParseUid("Uid:\tabc\n"));
    }

    [Fact]
    public void Cmdline_joins_arguments_and_neutralises_control_characters()
    {
        Assert.Equal("nginx -g daemon off;", CommandLine.Decode(Encoding.UTF8.GetBytes("nginx\0-g\0daemon off;\0")));
        Assert.Equal("a ?b", CommandLine.Decode(Encoding.UTF8.GetBytes("a\0\u001bb")));
        Assert.Equal(string.Empty, CommandLine.Decode([]));
    }

    [Fact]
    public void Passwd_maps_uids_and_falls_back_to_the_number()
    {
        var passwd = PasswdFile.Parse("root:x:0:0:root:/root:/bin/bash\nbroken line\nwww-data:x:33:33::/:/bin/false\n");
        Assert.Equal("root", passwd.NameOf(0));
        Assert.Equal("www-data", passwd.NameOf(33));
        Assert.Equal("1234", passwd.NameOf(1234));
    }

    [Fact]
    public void Services_maps_names_and_aliases_to_ports()
    {
        var services = ServicesFile.Parse("# comment\nssh\t\t22/tcp\t\t\t# SSH Remote Login Protocol\nhttp 80/tcp www # WorldWideWeb\nbad 99999/tcp\n");
        Assert.True(services.TryGetPort("ssh", out int ssh));
        Assert.Equal(22, ssh);
        Assert.True(services.TryGetPort("www", out int www));
        Assert.Equal(80, www);
        Assert.False(services.TryGetPort("bad", out _));
        Assert.False(ServicesFile.Parse(string.Empty).IsAvailable);
    }

    [Theory]
    [InlineData("socket:[4298572]", 4298572UL)]
    [InlineData("socket:[]", 0UL)]
    [InlineData("pipe:[123]", 0UL)]
    [InlineData("/dev/null", 0UL)]
    [InlineData("socket:[12a]", 0UL)]
    [InlineData("socket:[99999999999999999999999]", 0UL)]
    public void Socket_links_give_their_inode(string link, ulong inode)
    {
        Assert.Equal(inode, LinkReader.ParseBracketNumber(Encoding.ASCII.GetBytes(link), "socket:"u8));
    }
}
