namespace TuiPorts.Core.Remote;

/// <summary>
/// Every child process tuiports has running (its ssh sessions), so that each way out - q, Ctrl+C, a signal, the
/// shutdown watchdog's <c>_exit</c>, the end of <c>Main</c> - can end them all first: no ssh is left behind. One
/// instance, made by the composition root (<c>Program</c>), which also ends them at process exit.
/// </summary>
public sealed class ChildProcesses
{
    private readonly Lock _gate = new();
    private readonly HashSet<IRemoteProcess> _running = [];

    public void Add(IRemoteProcess process)
    {
        lock (_gate)
        {
            _running.Add(process);
        }
    }

    public void Remove(IRemoteProcess process)
    {
        lock (_gate)
        {
            _running.Remove(process);
        }
    }

    /// <summary>Ends every child still running: ssh closes its connection, and the remote side ends with it.</summary>
    public void KillAll()
    {
        IRemoteProcess[] all;
        lock (_gate)
        {
            all = [.. _running];
        }

        foreach (var process in all)
        {
            process.Kill();
        }
    }
}
