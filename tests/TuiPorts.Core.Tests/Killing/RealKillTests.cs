using System.Diagnostics;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>Real signals, through real pidfds, to processes this test started (and only those).</summary>
public sealed class RealKillTests
{
    private static readonly ProcRoot Proc = ProcRoot.Default;
    private readonly PidfdSignalSender _sender = new(Proc);

    private static KillReport Run(IReadOnlyList<KillTarget> targets, IReadOnlyList<PortTarget> ports, KillRequest request) =>
        new KillRun(new ProcSnapshotSource(Proc), new ProcessReader(Proc).Read, TimeProvider.System, Thread.Sleep)
            .Execute(targets, ports, request);

    /// <summary>Starts perl and waits for its "ready" line, printed after the script's handlers are installed.</summary>
    private static Process StartChild(string script)
    {
        string[] parts = script.Split("sleep ", 2);
        string ready = $"{parts[0]} $| = 1; print \"ready\\n\"; sleep {parts[1]}";
        var child = Process.Start(new ProcessStartInfo("perl", ["-e", ready]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        Assert.Equal("ready", child.StandardOutput.ReadLine());
        return child;
    }

    private KillTarget Pin(Process child)
    {
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;
        var info = new ProcessInfo(child.Id, "perl", "perl", 0, "root", start, null, Environment.ProcessId, false);
        var handle = _sender.Open(child.Id, start, out var error);
        Assert.Equal(SignalError.None, error);
        Assert.True(handle!.IsPidfd);
        return new KillTarget(info, handle);
    }

    [Fact]
    public void Sigterm_ends_a_child_that_honours_it()
    {
        using var child = StartChild("sleep 60");
        using var target = Pin(child);

        var outcome = Assert.Single(Run([target], [], new KillRequest(Signals.SIGTERM)).Targets);

        Assert.Equal($"pid {child.Id} (perl) exited after SIGTERM", KillReportWording.Outcome(outcome, new KillRequest()));
        Assert.True(child.WaitForExit(5000));
    }

    [Fact]
    public void A_child_ignoring_sigterm_is_never_sent_sigkill_unless_asked()
    {
        using var child = StartChild("$SIG{TERM} = 'IGNORE'; sleep 60");
        using var target = Pin(child);

        var request = new KillRequest(Signals.SIGTERM, Timeout: TimeSpan.FromSeconds(0.5));
        var outcome = Assert.Single(Run([target], [], request).Targets);

        Assert.Equal(KillStatus.Running, outcome.Status);
        Assert.StartsWith($"pid {child.Id} (perl) still running 0.5 s after SIGTERM — it may be shutting down gracefully", KillReportWording.Outcome(outcome, request), StringComparison.Ordinal);
        Assert.False(child.HasExited);

        var escalation = new KillRequest(Signals.SIGTERM, KillAfter: TimeSpan.FromSeconds(0.5));
        var killed = Assert.Single(Run([target], [], escalation).Targets);

        Assert.Equal(KillStatus.Exited, killed.Status);
        Assert.Equal($"pid {child.Id} (perl) exited after SIGKILL (SIGTERM was not enough in 0.5 s)", KillReportWording.Outcome(killed, escalation));
        Assert.True(child.WaitForExit(5000));
    }

    [Fact]
    public void A_pinned_process_that_exited_is_told_apart_from_the_living()
    {
        using var child = StartChild("sleep 60");
        ulong start = ProcessReader.ReadStartTime(Proc, child.Id)!.Value;

        Assert.Null(_sender.Open(child.Id, start + 1, out var wrongStart)); // a different start time: not that process
        Assert.Equal(SignalError.NoSuchProcess, wrongStart);

        using var target = Pin(child);
        child.Kill();
        child.WaitForExit();

        Assert.True(target.Handle!.HasExited);
        Assert.Equal(SignalError.NoSuchProcess, target.Handle.Send(Signals.SIGTERM));
    }

    [Fact]
    public void Killing_one_holder_of_a_shared_listener_leaves_the_port_open_and_all_holders_closes_it()
    {
        using var listener = new ForkedListener();
        var planner = new KillPlanner(_sender, KillPolicy.ForThisProcess(Proc), Proc);
        SocketEntry Listening() => new ProcSnapshotSource(Proc).Take().Sockets.Single(s => s.LocalPort == listener.Port && s.State == "LISTEN");

        using (var plan = planner.ForSocket(Listening(), new ProcSnapshotSource(Proc).Take(), new KillRequest()))
        {
            Assert.True(plan.IsShared);
            var report = Run([plan.Primary!], planner.WatchFor(plan, [plan.Primary!]), new KillRequest(Timeout: TimeSpan.FromSeconds(1)));
            Assert.Equal(KillStatus.Exited, Assert.Single(report.Targets).Status);
            var fate = Assert.Single(report.Ports);
            Assert.Equal(PortFateKind.StillHeld, fate.Kind);
            Assert.Equal(listener.ChildPid, fate.Holder!.Pid);
        }

        var survivor = Listening();
        Assert.Equal([listener.ChildPid], survivor.Holders.Select(o => o.Pid));

        using (var plan = planner.ForSocket(survivor, new ProcSnapshotSource(Proc).Take(), new KillRequest()))
        {
            var report = Run(plan.AllHolders, planner.WatchFor(plan, plan.AllHolders), new KillRequest());
            Assert.All(report.Targets, o => Assert.Equal(KillStatus.Exited, o.Status));
            Assert.True(report.AllPortsFree);
        }

        Assert.DoesNotContain(new ProcSnapshotSource(Proc).Take().Sockets, s => s.LocalPort == listener.Port && s.State == "LISTEN");
    }
}
