using TuiPorts.Core.Killing;

namespace TuiPorts.Ui;

/// <summary>What the user chose in the kill dialog.</summary>
public enum KillChoice
{
    Cancel,

    /// <summary>y: the top holder of the highlighted socket (or, for a worker, the worker anyway).</summary>
    ThisProcess,

    /// <summary>a: every holder of the socket.</summary>
    AllHolders,

    /// <summary>p: the parent that holds the port too (a worker's master, a session's server).</summary>
    Parent,

    /// <summary>s: the target ignores or blocks the signal; send the one its masks say will end it.</summary>
    Instead,
}

/// <summary>The dialogs of the kill flow, behind a seam so the flow is tested without a terminal.</summary>
public interface IKillPrompt
{
    /// <summary>Asks whether to send <paramref name="request"/> to the pinned targets of <paramref name="plan"/>.</summary>
    KillChoice Confirm(KillPlan plan, KillRequest request);

    /// <summary>The second, explicit confirmation for an ancestor of tuiports, naming what would be lost.</summary>
    bool ConfirmAncestor(KillTarget target);

    /// <summary>S (htop's F9 menu): the signal (and escalation) to use; null when cancelled.</summary>
    KillRequest? ChooseSignal(KillRequest current);

    /// <summary>Tells the user why nothing can be done.</summary>
    void Explain(string title, string message);
}
