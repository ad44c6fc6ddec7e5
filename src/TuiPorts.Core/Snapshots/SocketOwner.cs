namespace TuiPorts.Core.Snapshots;

/// <summary>One process holding a socket, with every fd number under which it holds it.</summary>
public sealed record SocketOwner(ProcessInfo Process, EquatableArray<int> Fds)
{
    public int Pid => Process.Pid;
}
