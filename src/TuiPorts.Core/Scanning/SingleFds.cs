namespace TuiPorts.Core.Scanning;

/// <summary>
/// One fd list per fd number for holders of a single fd, shared by every socket held under that number (immutable,
/// so sharing is safe): a join of 50k sockets makes a few hundred lists, not 50k.
/// </summary>
internal sealed class SingleFds
{
    private readonly Dictionary<int, EquatableArray<int>> _byFd = [];

    public EquatableArray<int> Of(int fd)
    {
        if (!_byFd.TryGetValue(fd, out var fds))
        {
            fds = new EquatableArray<int>([fd]);
            _byFd[fd] = fds;
        }

        return fds;
    }
}
