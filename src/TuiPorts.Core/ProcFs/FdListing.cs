namespace TuiPorts.Core.ProcFs;

/// <summary>One open file descriptor: number and what it points to, like a line of <c>lsof -p</c>.</summary>
public readonly record struct FdEntry(int Fd, string Target);

/// <summary>The open fds of one process, read on demand for the detail pane (not part of the snapshot).</summary>
public sealed record FdListing(LinkStatus Status, IReadOnlyList<FdEntry> Fds, int Total)
{
    public const int DefaultLimit = 2000;

    public static FdListing Read(ProcRoot root, int pid, int limit = DefaultLimit)
    {
        var numbers = new List<int>();
        var status = FdTableReader.ListNumbers(root.PidFile(pid, "fd"), numbers);
        if (status != LinkStatus.Ok)
        {
            return new FdListing(status, [], 0);
        }

        numbers.Sort();
        var fds = new List<FdEntry>(Math.Min(numbers.Count, limit));
        bool denied = false;
        foreach (int fd in numbers.Take(limit))
        {
            switch (LinkReader.TryRead(root.PidFile(pid, $"fd/{fd}"), out string target))
            {
                case LinkStatus.Ok:
                    fds.Add(new FdEntry(fd, target));
                    break;
                case LinkStatus.Denied:
                    denied = true;
                    break;
            }
        }

        return new FdListing(denied && fds.Count == 0 ? LinkStatus.Denied : LinkStatus.Ok, fds, numbers.Count);
    }
}
