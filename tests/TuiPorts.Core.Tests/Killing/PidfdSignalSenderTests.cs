using System.Diagnostics;
using TuiPorts.Core.Interop;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>
/// The pidfd system calls made by number (no glibc wrapper), on real children this test starts; and a kernel that
/// has no pidfds, where a kill is refused rather than sent by bare pid.
/// </summary>
public sealed class PidfdSignalSenderTests
{
    private static readonly ProcRoot Proc = ProcRoot.Default;

    private static Process StartSleeper()
    {
        var child = Process.Start(new ProcessStartInfo("perl", ["-e", "$| = 1; print \"ready\\n\"; sleep 60"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("ready", child.StandardOutput.ReadLine());
        return child;
    }

    private static ProcessInfo Info(Process child, ulong start) =>
        new(child.Id, "perl", "perl", 0, "root", start, null, Environment.ProcessId, false);

    [Fact]
    public void A_pidfd_opened_through_syscall_signals_exactly_the_pinned_child_and_sees_it_exit()
    {
        using var child = StartSleeper();
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;

        using var handle = new PidfdSignalSender(Proc).Open(child.Id, start, out var error);

        Assert.Equal(SignalError.None, error);
        Assert.NotNull(handle);
        Assert.True(handle.IsPidfd);
        Assert.False(handle.HasExited);
        Assert.Equal(SignalError.None, handle.Send(Signals.SIGKILL));
        child.WaitForExit();
        Assert.True(handle.HasExited); // the pidfd polls readable once the child is gone
    }

    [Fact]
    public void Without_pidfds_in_the_kernel_nothing_is_opened_nothing_is_sent_and_the_refusal_says_why()
    {
        using var child = StartSleeper();
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;
        var kernelWithoutPidfds = new PidfdSignalSender(Proc, (int _, out int errno) =>
        {
            errno = NativeMethods.ENOSYS;
            return null;
        });

        var handle = kernelWithoutPidfds.Open(child.Id, start, out var error);

        Assert.Null(handle);
        Assert.Equal(SignalError.NoPidfd, error);
        Assert.Equal(
            $"pid {child.Id} (perl): not signalled: this kernel has no pidfds (Linux 5.3 or newer is needed to pin a process, and tuiports never signals a bare pid): nothing sent",
            Wording.OpenError(Info(child, start), error));
        Assert.False(child.HasExited); // no kill(2) fallback reached it
        child.Kill();
        child.WaitForExit();
    }

    [Fact]
    public void A_pid_that_now_names_another_process_is_not_pinned()
    {
        using var child = StartSleeper();
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;

        var handle = new PidfdSignalSender(Proc).Open(child.Id, start + 1, out var error);

        Assert.Null(handle);
        Assert.Equal(SignalError.NoSuchProcess, error);
        child.Kill();
        child.WaitForExit();
    }

    [Fact]
    public void A_disposed_handle_can_be_disposed_again_and_sends_nothing()
    {
        using var child = StartSleeper();
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;
        var handle = new PidfdSignalSender(Proc).Open(child.Id, start, out _)!;

        handle.Dispose();
        handle.Dispose();

        Assert.Equal(SignalError.Other, handle.Send(Signals.SIGKILL));
        Assert.False(handle.HasExited);
        Assert.False(child.HasExited);
        child.Kill();
        child.WaitForExit();
    }

    [Theory]
    [InlineData(0, SignalError.None)]
    [InlineData(NativeMethods.ESRCH, SignalError.NoSuchProcess)]
    [InlineData(NativeMethods.EPERM, SignalError.PermissionDenied)]
    [InlineData(NativeMethods.EACCES, SignalError.PermissionDenied)]
    [InlineData(NativeMethods.ENOSYS, SignalError.NoPidfd)]
    [InlineData(NativeMethods.EINVAL, SignalError.Other)]
    public void Errno_becomes_a_signal_error(int errno, SignalError expected) =>
        Assert.Equal(expected, PidfdSignalSender.ToError(errno));
}
