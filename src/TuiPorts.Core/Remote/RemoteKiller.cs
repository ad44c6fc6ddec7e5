using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Remote;

/// <summary>
/// K on a remote row: runs <c>tuiports kill --pid P --start-time T --yes</c> on that host through the same ssh setup as
/// its stream, so the remote tuiports pins exactly the process that was on screen (a pidfd, its start time checked)
/// and reports the port's fate the way a local kill does. Blocking: call it off the UI thread.
/// </summary>
public sealed class RemoteKiller(IProcessLauncher launcher, IRemoteShell shell, HostSet hosts)
{
    /// <summary>Long enough for the connection, the remote kill's own watch (5 s by default) and SIGKILL escalation.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public bool Serves(SocketEntry socket) => hosts.IsRemote(socket);

    public RemoteRunResult Kill(string host, ProcessInfo process, KillRequest request) =>
        process.StartTimeUtc is { } startTime
            ? RemoteRun.Run(launcher, shell, host, RemoteArguments.Kill(process, startTime, request), Timeout)
            : new RemoteRunResult([], [Presentation.Wording.StartTimeUnknown(process)], null);
}
