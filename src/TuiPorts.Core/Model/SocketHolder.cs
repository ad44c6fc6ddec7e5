namespace TuiPorts.Core.Model;

/// <summary>One process holding a socket, with every fd number under which it holds it.</summary>
public sealed record SocketHolder(ProcessInfo Process, EquatableArray<int> Fds)
{
    public int Pid => Process.Pid;
}
