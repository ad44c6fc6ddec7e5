using System.Reactive.Concurrency;
using System.Reactive.Linq;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Killing;

/// <summary>
/// Sends the signal through the pinned handle, watches for exit on the injected scheduler (virtual time in tests),
/// and escalates to SIGKILL when asked. Every path ends in one <see cref="KillOutcome"/> with a readable message.
/// </summary>
public sealed class KillExecutor(IScheduler scheduler)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan AfterKillWait = TimeSpan.FromSeconds(1);

    public IObservable<KillOutcome> Execute(KillTarget target, KillRequest request) => Observable.Defer(() =>
    {
        string label = target.Label;
        if (!target.CanSignal)
        {
            return Observable.Return(new KillOutcome(target.Pid, KillStatus.NotSent, target.Problem ?? $"{label}: nothing sent"));
        }

        var handle = target.Handle!;
        var error = handle.Send(request.Signal);
        if (error != SignalError.None)
        {
            return Observable.Return(new KillOutcome(target.Pid, KillStatus.Failed, KillMessages.ForSendError(target.Process, error, request.Signal)));
        }

        string signal = Signals.Name(request.Signal);
        if (!request.ExpectsExit)
        {
            return Observable.Return(new KillOutcome(target.Pid, KillStatus.Running, $"sent {signal} to {label}"));
        }

        return WaitForExit(handle, request.WaitFor).SelectMany(exited =>
        {
            if (exited)
            {
                return Observable.Return(new KillOutcome(target.Pid, KillStatus.Exited, $"{label} exited after {signal}"));
            }

            if (!request.Escalate || request.Signal == Signals.SIGKILL)
            {
                return Observable.Return(new KillOutcome(target.Pid, KillStatus.Running, $"{label} still running {Formats.Seconds(request.WaitFor)} after {signal}"));
            }

            var killError = handle.Send(Signals.SIGKILL);
            if (killError == SignalError.NoSuchProcess)
            {
                return Observable.Return(new KillOutcome(target.Pid, KillStatus.Exited, $"{label} exited after {signal}"));
            }

            if (killError != SignalError.None)
            {
                return Observable.Return(new KillOutcome(target.Pid, KillStatus.Failed, KillMessages.ForSendError(target.Process, killError, Signals.SIGKILL)));
            }

            return WaitForExit(handle, AfterKillWait).Select(gone => gone
                ? new KillOutcome(target.Pid, KillStatus.Exited, $"{label} exited after SIGKILL ({signal} was ignored for {Formats.Seconds(request.WaitFor)})")
                : new KillOutcome(target.Pid, KillStatus.Running, $"{label} still running after SIGKILL"));
        });
    });

    /// <summary>Every target, concurrently; one outcome each, in completion order.</summary>
    public IObservable<KillOutcome> ExecuteAll(IEnumerable<KillTarget> targets, KillRequest request) =>
        targets.Select(t => Execute(t, request)).Merge();

    /// <summary>Emits true as soon as the process has exited, or false once <paramref name="timeout"/> has passed.</summary>
    private IObservable<bool> WaitForExit(IProcessHandle handle, TimeSpan timeout)
    {
        int polls = (int)Math.Ceiling(timeout / PollInterval);
        return Observable.Generate(0, i => i <= polls, i => i + 1, i => i, i => i == 0 ? TimeSpan.Zero : PollInterval, scheduler)
            .Select(_ => handle.HasExited)
            .FirstOrDefaultAsync(exited => exited);
    }
}
