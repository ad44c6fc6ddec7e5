using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Killing;

/// <summary>What a signal will do to a process, as its signal masks say before anything is sent.</summary>
public enum SignalReaction
{
    /// <summary>The masks could not be read (another user's process without root, another host): nothing is claimed.</summary>
    Unknown,

    /// <summary>No handler, not ignored, not blocked: the kernel's default action ends the process.</summary>
    Ends,

    /// <summary>The process has a handler: it decides (a graceful shutdown for TERM, a reload for HUP).</summary>
    Handled,

    /// <summary>The process ignores the signal: nothing happens at all.</summary>
    Ignored,

    /// <summary>The process blocks it: the signal stays pending until the process unblocks it.</summary>
    Blocked,
}

/// <summary>Predictions from the kernel's signal masks; SIGKILL can be neither caught, ignored nor blocked.</summary>
public static class SignalPrediction
{
    /// <summary>Signals whose default action ends the process (terminate or core dump).</summary>
    public static bool DefaultEnds(int signal) => signal is Signals.SIGHUP or Signals.SIGINT or Signals.SIGQUIT
        or Signals.SIGKILL or Signals.SIGUSR1 or Signals.SIGUSR2 or Signals.SIGTERM;

    public static SignalReaction Predict(SignalMasks? masks, int signal)
    {
        if (signal == Signals.SIGKILL)
        {
            return SignalReaction.Ends;
        }

        if (masks is null)
        {
            return SignalReaction.Unknown;
        }

        if (masks.Ignores(signal))
        {
            return SignalReaction.Ignored;
        }

        if (masks.Blocks(signal))
        {
            return SignalReaction.Blocked;
        }

        if (masks.Catches(signal))
        {
            return SignalReaction.Handled;
        }

        return DefaultEnds(signal) ? SignalReaction.Ends : SignalReaction.Ignored; // WINCH's default is to ignore
    }

    /// <summary>
    /// The first of INT, QUIT, KILL that will end a process which ignores or blocks <paramref name="signal"/>: the
    /// signal the dialog offers instead. Null when the masks are unknown or the signal already works.
    /// </summary>
    public static int? WorkingInstead(SignalMasks? masks, int signal)
    {
        var reaction = Predict(masks, signal);
        if (reaction is not (SignalReaction.Ignored or SignalReaction.Blocked))
        {
            return null;
        }

        foreach (int candidate in new[] { Signals.SIGINT, Signals.SIGQUIT })
        {
            if (candidate != signal && Predict(masks, candidate) == SignalReaction.Ends)
            {
                return candidate;
            }
        }

        return Signals.SIGKILL;
    }
}
