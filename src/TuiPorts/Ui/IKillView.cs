using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>What the kill flow needs from the screen: the two kill requests, and a line to report in.</summary>
public interface IKillView
{
    /// <summary>K with the highlighted row pinned at that moment.</summary>
    event Action<SocketRow>? KillRequested;

    /// <summary>S: choose a signal, then kill.</summary>
    event Action<SocketRow>? SignalMenuRequested;

    void ShowNotice(string notice);
}
