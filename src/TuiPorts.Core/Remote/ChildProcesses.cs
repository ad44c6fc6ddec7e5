namespace TuiPorts.Core.Remote;

/// <summary>
/// Every child process tuiports has running (its ssh sessions), so that each way out - q, Ctrl+C, a signal, the
/// shutdown watchdog's <c>_exit</c>, the end of <c>Main</c> - can end them all first: no ssh is left behind.
/// </summary>
public static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<IRemoteProcess> Running = [];
    private static bool _hooked;

    public static void Add(IRemoteProcess process)
    {
        lock (Gate)
        {
            Running.Add(process);
            if (!_hooked)
            {
                _hooked = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            }
        }
    }

    public static void Remove(IRemoteProcess process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }
    }

    /// <summary>Ends every child still running: ssh closes its connection, and the remote side ends with it.</summary>
    public static void KillAll()
    {
        IRemoteProcess[] all;
        lock (Gate)
        {
            all = [.. Running];
        }

        foreach (var process in all)
        {
            process.Kill();
        }
    }
}
