using System.Text;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class StartTimeReaderTests
{
    [Theory]
    [InlineData("nginx")]
    [InlineData("tmux: server")]
    [InlineData("a) b (c")]
    [InlineData("))")]
    [InlineData("x 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21")]
    [InlineData("")]
    public void Start_time_is_field_22_counted_after_the_last_close_paren(string comm)
    {
        string line = FixtureProcTree.Stat(4321, comm, ppid: 77, startTicks: 987654);

        Assert.True(StartTimeReader.TryParse(Encoding.UTF8.GetBytes(line), out ulong start));
        Assert.Equal(987654UL, start);
        Assert.Equal(ProcStat.Parse(line)!.StartTimeTicks, start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 (x")]
    [InlineData("12 (x) S 1 2 3")]
    [InlineData("12 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 zz")]
    [InlineData("12 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 -5")]
    public void A_malformed_line_has_no_start_time(string line) =>
        Assert.False(StartTimeReader.TryParse(Encoding.UTF8.GetBytes(line), out _));

    [Fact]
    public void A_real_process_reads_the_same_as_the_full_stat_parser()
    {
        int pid = Environment.ProcessId;
        ulong expected = ProcStat.Parse(File.ReadAllText($"/proc/{pid}/stat"))!.StartTimeTicks;

        Assert.True(StartTimeReader.TryRead("/proc", pid, out ulong start));
        Assert.Equal(expected, start);
        Assert.Equal(expected, ProcessReader.ReadStartTime(ProcRoot.Default, pid));
    }

    [Fact]
    public void A_gone_process_has_no_start_time()
    {
        using var proc = new FixtureProcTree();

        Assert.False(StartTimeReader.TryRead(proc.Root, 424242, out _));
        Assert.Null(ProcessReader.ReadStartTime(proc.ProcRoot, 424242));
    }

    [Fact]
    public void A_line_longer_than_the_stack_buffer_is_read_the_slow_way_with_the_same_answer()
    {
        using var proc = new FixtureProcTree();
        proc.AddProcess(4321, new string('n', 2000), "long", startTicks: 555);

        Assert.Null(StartTimeReader.TryRead(proc.Root, 4321, out _));
        Assert.Equal(555UL, ProcessReader.ReadStartTime(proc.ProcRoot, 4321));
    }
}
