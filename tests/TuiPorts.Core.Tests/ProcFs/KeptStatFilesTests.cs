using System.Diagnostics;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.ProcFs;

/// <summary>
/// The identity check through a kept /proc/&lt;pid&gt;/stat fd (issue 22): read again from its start each time, and
/// failing - not lending the old start time - once the process it was opened on has exited and been reaped.
/// </summary>
public sealed class KeptStatFilesTests
{
    private static Process StartSleeper()
    {
        var child = Process.Start(new ProcessStartInfo("perl", ["-e", "$| = 1; print \"ready\\n\"; sleep 60"])
        {
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("ready", child.StandardOutput.ReadLine());
        return child;
    }

    [Fact]
    public void A_live_process_is_read_through_one_kept_file_and_a_reaped_one_is_gone()
    {
        var files = new KeptStatFiles(ProcRoot.Default, keep: true);
        using var child = StartSleeper();
        ulong? expected = ProcessReader.ReadStartTime(ProcRoot.Default, child.Id);

        Assert.NotNull(expected);
        Assert.Equal(expected, files.ReadStartTime(child.Id));
        Assert.Equal(expected, files.ReadStartTime(child.Id)); // the second read through the kept fd
        Assert.Equal(1, files.Count);

        child.Kill();
        child.WaitForExit(); // reaped

        Assert.Null(files.ReadStartTime(child.Id));
        Assert.Equal(0, files.Count); // the fd of the gone process is closed
    }

    [Fact]
    public void A_fixture_tree_is_read_afresh_each_time_so_a_replaced_process_shows_its_new_start()
    {
        using var proc = new FixtureProcTree();
        proc.AddProcess(100, "old", "./old", startTicks: 100);
        var files = new KeptStatFiles(proc.ProcRoot, keep: false);
        Assert.Equal(100UL, files.ReadStartTime(100));

        Directory.Delete(Path.Combine(proc.Root, "100"), recursive: true);
        proc.AddProcess(100, "new", "./new", startTicks: 777);

        Assert.Equal(777UL, files.ReadStartTime(100));
        Assert.Equal(0, files.Count);
    }

    [Fact]
    public void A_pid_that_does_not_exist_has_no_start_time()
    {
        var files = new KeptStatFiles(ProcRoot.Default, keep: true);

        Assert.Null(files.ReadStartTime(int.MaxValue));
        Assert.Equal(0, files.Count);
    }
}
