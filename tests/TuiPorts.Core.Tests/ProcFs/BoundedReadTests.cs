using System.Text;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.ProcFs;

/// <summary>No /proc file costs more than its cap, whatever a --proc-root tree or a process puts in it.</summary>
public sealed class BoundedReadTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void A_huge_stat_is_read_only_up_to_its_cap_and_the_process_is_skipped_not_read_whole()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        _proc.AddProcess(300, "x", "x").AddSocketFd(300, 3, 500);
        string stat = Path.Combine(_proc.Root, "300", "stat");
        using (var file = File.Create(stat))
        {
            file.Write("300 ("u8);
            file.Write(new byte[20 * 1024 * 1024]); // a 20 MB comm
        }

        Assert.Equal(ProcFile.StatBytes, ProcFile.TryReadText(stat, ProcFile.StatBytes)!.Length);
        Assert.Null(new ProcessReader(_proc.ProcRoot).Read(300));
        Assert.Null(ProcessReader.ReadStartTime(_proc.ProcRoot, 300));
    }

    [Fact]
    public void A_comm_longer_than_any_kernel_writes_is_cut()
    {
        var stat = ProcStat.Parse(Stat(300, new string('a', 1000)));

        Assert.Equal(ProcStat.MaxCommLength, stat!.Comm.Length);
    }

    [Fact]
    public void A_command_line_is_read_up_to_64_KiB()
    {
        string path = Path.Combine(_proc.Root, "cmdline");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(new string('a', 5 * 1024 * 1024)));

        Assert.Equal(64 * 1024, CommandLine.Read(path).Length);
    }

    [Fact]
    public void Table_lines_are_streamed_and_each_is_cut_to_its_cap()
    {
        string huge = new('x', 1024 * 1024);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"header\nshort\n{huge}\nlast"));

        var lines = ProcFile.Lines(stream, maxLineBytes: 100).ToList();

        Assert.Equal(["header", "short"], lines.Take(2));
        Assert.Equal(101, lines[2].Length); // 100 bytes and the mark of a cut line
        Assert.Equal("last", lines[3]);
    }

    [Fact]
    public void A_table_with_a_huge_line_counts_it_malformed_and_keeps_the_others()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500), new string('9', 3 * 1024 * 1024), Row(1, "0100007F:0050", "00000000:0000", "0A", 501)]);

        var tables = NamespaceTables.ReadFiles(HostNetns, table => _proc.ProcRoot.OwnNetFile(table));

        Assert.Equal(2, tables.Tables.Single(t => t.Protocol == Protocol.Tcp).Rows.Count);
        Assert.Equal(1, Assert.Single(tables.Malformed).Lines);
    }
}
