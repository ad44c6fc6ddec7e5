namespace TuiPorts.Core.ProcFs;

/// <summary>
/// One walk of a <c>/proc/&lt;pid&gt;/fd</c> directory: what it found (socket fds, every fd number, links read) and,
/// for an incremental walk, what the last walk of the same process found.
/// </summary>
/// <remarks>
/// procfs cannot say which fds changed, and a reused fd number lists like the old one. An incremental walk therefore
/// reads a link only where a change can hide from its caller: a number not listed last time, or one whose socket is no
/// longer in the socket tables (closed: the number may hold a new socket now). Every other fd is taken as it was. A
/// new socket behind a number that held a file or pipe last time is not seen; the caller knows which sockets it still
/// looks for and walks fully when an incremental walk leaves any unfound.
/// </remarks>
public sealed class FdWalk
{
    private readonly Dictionary<int, ulong>? _lastSockets;

    /// <summary>A full walk: every link is read.</summary>
    public FdWalk()
    {
    }

    /// <summary>An incremental walk since the last one, which listed <paramref name="lastNumbers"/> (ascending).</summary>
    /// <param name="isLive">Whether a socket inode is still in the socket tables.</param>
    public FdWalk(int[] lastNumbers, IReadOnlyList<SocketFd> lastSockets, Func<ulong, bool> isLive)
    {
        LastNumbers = lastNumbers;
        _lastSockets = lastSockets.ToDictionary(s => s.Fd, s => s.Inode);
        IsLive = isLive;
    }

    public int[]? LastNumbers { get; }

    public Func<ulong, bool>? IsLive { get; }

    public bool IsIncremental => LastNumbers is not null;

    /// <summary>The socket fds found (those taken as they were included).</summary>
    public List<SocketFd> Sockets { get; } = [];

    /// <summary>Every fd number listed, in directory order (ascending on Linux): the next incremental walk's basis.</summary>
    public List<int> Numbers { get; } = [];

    /// <summary>readlink calls made: all fds for a full walk, the few that can have changed for an incremental one.</summary>
    public int LinksRead { get; set; }

    /// <summary>
    /// For an incremental walk, whether <paramref name="fd"/> can be taken as it was: listed last time and not a closed
    /// socket's number. <paramref name="inode"/> is its socket then (0: not a socket).
    /// </summary>
    public bool TryKeep(int fd, out ulong inode)
    {
        inode = 0;
        if (LastNumbers is null || Array.BinarySearch(LastNumbers, fd) < 0)
        {
            return false;
        }

        if (_lastSockets!.TryGetValue(fd, out inode))
        {
            return IsLive!(inode);
        }

        return true;
    }
}
