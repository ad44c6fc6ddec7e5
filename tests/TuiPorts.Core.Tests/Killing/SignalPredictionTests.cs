using TuiPorts.Core.Killing;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>The masks of /proc/PID/status, read as the kernel writes them, and what they predict.</summary>
public sealed class SignalPredictionTests
{
    // a perl process with $SIG{TERM} = 'IGNORE' and $SIG{HUP} = sub {}: SigIgn bit 15, SigCgt bit 1
    private const string Status =
        "Name:\tperl\nState:\tS (sleeping)\nSigQ:\t0/96367\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n"
        + "SigBlk:\t0000000000000004\nSigIgn:\t0000000000004000\nSigCgt:\t0000000000000001\nCapInh:\t0000000000000000\n";

    private static readonly SignalMasks Masks = SignalMasks.Parse(Status)!;

    [Fact]
    public void The_three_masks_are_read_bit_n_minus_1_for_signal_n()
    {
        Assert.Equal(new SignalMasks(0x1, 0x4000, 0x4), Masks);
        Assert.True(Masks.Ignores(Signals.SIGTERM));
        Assert.True(Masks.Catches(Signals.SIGHUP));
        Assert.True(Masks.Blocks(Signals.SIGQUIT));
        Assert.False(Masks.Ignores(Signals.SIGINT));
    }

    [Theory]
    [InlineData("SigBlk:\t0\nSigIgn:\t0\n")] // no SigCgt: a truncated file says nothing
    [InlineData("SigBlk:\tzz\nSigIgn:\t0\nSigCgt:\t0\n")]
    [InlineData("")]
    public void A_partial_or_odd_status_gives_no_masks(string text) => Assert.Null(SignalMasks.Parse(text));

    [Theory]
    [InlineData(Signals.SIGTERM, SignalReaction.Ignored)]
    [InlineData(Signals.SIGHUP, SignalReaction.Handled)]
    [InlineData(Signals.SIGQUIT, SignalReaction.Blocked)]
    [InlineData(Signals.SIGINT, SignalReaction.Ends)]
    [InlineData(Signals.SIGUSR1, SignalReaction.Ends)] // no handler: USR1's default action ends the process
    [InlineData(Signals.SIGWINCH, SignalReaction.Ignored)] // WINCH's default is to ignore
    [InlineData(Signals.SIGKILL, SignalReaction.Ends)]
    public void Each_signal_is_predicted_from_the_masks(int signal, SignalReaction expected) =>
        Assert.Equal(expected, SignalPrediction.Predict(Masks, signal));

    [Fact]
    public void Unknown_masks_predict_nothing_but_sigkill()
    {
        Assert.Equal(SignalReaction.Unknown, SignalPrediction.Predict(null, Signals.SIGTERM));
        Assert.Equal(SignalReaction.Ends, SignalPrediction.Predict(null, Signals.SIGKILL));
        Assert.Null(SignalPrediction.WorkingInstead(null, Signals.SIGTERM));
    }

    [Fact]
    public void A_process_ignoring_sigterm_is_offered_the_first_signal_that_will_end_it()
    {
        Assert.Equal(Signals.SIGINT, SignalPrediction.WorkingInstead(Masks, Signals.SIGTERM));
        Assert.Null(SignalPrediction.WorkingInstead(Masks, Signals.SIGINT)); // INT already works
        var deaf = new SignalMasks(0, 0x4000 | 0x2 | 0x4, 0); // ignores TERM, INT, QUIT
        Assert.Equal(Signals.SIGKILL, SignalPrediction.WorkingInstead(deaf, Signals.SIGTERM));
    }

    [Fact]
    public void A_hup_is_a_stop_without_a_handler_and_a_reload_with_one()
    {
        var noHandler = new KillTarget(Process(1), null) { Signal = Signals.SIGHUP, Facts = new TargetFacts(null, new SignalMasks(0, 0, 0), null, null) };
        var handler = new KillTarget(Process(2), null) { Signal = Signals.SIGHUP, Facts = new TargetFacts(null, new SignalMasks(1, 0, 0), null, null) };
        var unknown = new KillTarget(Process(3), null) { Signal = Signals.SIGHUP };

        Assert.True(noHandler.IsStop);
        Assert.False(handler.IsStop);
        Assert.False(unknown.IsStop); // no facts: no claim that it stops
    }

    private static TuiPorts.Core.Model.ProcessInfo Process(int pid) => new(pid, "p", "p", 0, "root", 1, null, 1, false);
}
