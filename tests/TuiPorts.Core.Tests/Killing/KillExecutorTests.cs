using System.Reactive.Concurrency;
using NSubstitute;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Tests.Killing;

public sealed class KillExecutorTests
{
    private readonly HistoricalScheduler _clock = new();
    private readonly IProcessHandle _handle = Substitute.For<IProcessHandle>();
    private readonly List<KillOutcome> _outcomes = [];

    private static readonly ProcessInfo Nginx = new(1234, "nginx", "nginx -g daemon off;", 0, "root", 99, null, 1, false);

    public KillExecutorTests() => _handle.Pid.Returns(1234);

    private void Run(KillRequest request) =>
        new KillExecutor(_clock).Execute(new KillTarget(Nginx, _handle, null), request).Subscribe(_outcomes.Add);

    [Fact]
    public void Sigterm_honoured_reports_the_exit()
    {
        bool exited = false;
        _handle.Send(Signals.SIGTERM).Returns(_ =>
        {
            _clock.ScheduleRelative(0, TimeSpan.FromMilliseconds(250), (_, _) =>
            {
                exited = true;
                return System.Reactive.Disposables.Disposable.Empty;
            });
            return SignalError.None;
        });
        _handle.HasExited.Returns(_ => exited);

        Run(new KillRequest(Signals.SIGTERM, Escalate: true));
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));

        var outcome = Assert.Single(_outcomes);
        Assert.Equal(KillStatus.Exited, outcome.Status);
        Assert.Equal("pid 1234 (nginx) exited after SIGTERM", outcome.Message);
        _handle.DidNotReceive().Send(Signals.SIGKILL);
    }

    [Fact]
    public void Sigterm_ignored_escalates_to_sigkill_after_the_timeout_and_not_before()
    {
        bool killed = false;
        _handle.Send(Signals.SIGTERM).Returns(SignalError.None);
        _handle.Send(Signals.SIGKILL).Returns(_ =>
        {
            killed = true;
            return SignalError.None;
        });
        _handle.HasExited.Returns(_ => killed);

        Run(new KillRequest(Signals.SIGTERM, Escalate: true, Timeout: TimeSpan.FromSeconds(3)));
        _clock.AdvanceBy(TimeSpan.FromSeconds(2.9));
        _handle.DidNotReceive().Send(Signals.SIGKILL);
        Assert.Empty(_outcomes);

        _clock.AdvanceBy(TimeSpan.FromSeconds(0.2));
        _handle.Received(1).Send(Signals.SIGKILL);
        _clock.AdvanceBy(TimeSpan.FromSeconds(1));

        var outcome = Assert.Single(_outcomes);
        Assert.Equal(KillStatus.Exited, outcome.Status);
        Assert.Equal("pid 1234 (nginx) exited after SIGKILL (SIGTERM was ignored for 3 s)", outcome.Message);
    }

    [Fact]
    public void Without_escalation_a_survivor_is_reported_as_still_running()
    {
        _handle.Send(Signals.SIGTERM).Returns(SignalError.None);
        _handle.HasExited.Returns(false);

        Run(new KillRequest(Signals.SIGTERM));
        _clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal("pid 1234 (nginx) still running 3 s after SIGTERM", Assert.Single(_outcomes).Message);
        _handle.DidNotReceive().Send(Signals.SIGKILL);
    }

    [Fact]
    public void A_process_that_survives_sigkill_is_reported()
    {
        _handle.Send(Arg.Any<int>()).Returns(SignalError.None);
        _handle.HasExited.Returns(false);

        Run(new KillRequest(Signals.SIGTERM, Escalate: true));
        _clock.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal("pid 1234 (nginx) still running after SIGKILL", Assert.Single(_outcomes).Message);
    }

    [Theory]
    [InlineData(SignalError.PermissionDenied, "permission denied: pid 1234 belongs to root — run tuiports with sudo")]
    [InlineData(SignalError.NoSuchProcess, "pid 1234 (nginx) already exited: SIGTERM not delivered")]
    public void Send_errors_become_sentences(SignalError error, string message)
    {
        _handle.Send(Signals.SIGTERM).Returns(error);

        Run(new KillRequest());
        _clock.AdvanceBy(TimeSpan.FromSeconds(5));

        var outcome = Assert.Single(_outcomes);
        Assert.Equal(KillStatus.Failed, outcome.Status);
        Assert.Equal(message, outcome.Message);
    }

    [Fact]
    public void A_target_with_a_problem_is_never_signalled()
    {
        new KillExecutor(_clock).Execute(new KillTarget(Nginx, _handle, "refused: because"), new KillRequest()).Subscribe(_outcomes.Add);
        _clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal("refused: because", Assert.Single(_outcomes).Message);
        _handle.DidNotReceiveWithAnyArgs().Send(default);
    }

    [Fact]
    public void Reload_signals_do_not_wait_for_an_exit()
    {
        _handle.Send(Signals.SIGHUP).Returns(SignalError.None);

        Run(new KillRequest(Signals.SIGHUP));
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(1));

        Assert.Equal("sent SIGHUP to pid 1234 (nginx)", Assert.Single(_outcomes).Message);
    }
}
