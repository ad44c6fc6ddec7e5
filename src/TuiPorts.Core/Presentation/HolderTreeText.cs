using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The process tree of a socket's holders (F5 / t, htop's tree view narrowed to what holds the port): each top holder,
/// then its descendants indented under their parents, one line each with pid, user, fds and the command line.
/// </summary>
public static class HolderTreeText
{
    public static IReadOnlyList<string> Lines(SocketEntry socket, bool asRoot)
    {
        if (socket.HoldersHidden)
        {
            return [Wording.HiddenDetail(asRoot)];
        }

        if (socket.Holders.Count == 0)
        {
            return [Wording.NoHolder(socket)];
        }

        var fds = socket.Holders.ToDictionary(h => h.Pid, h => string.Join(",", h.Fds));
        var children = socket.Holders.Select(h => h.Process).ToLookup(p => p.ParentPid);
        var lines = new List<string>();
        foreach (var top in HolderTree.Tops(socket))
        {
            Add(lines, top, 0, children, fds, []);
        }

        return lines;
    }

    private static void Add(List<string> lines, ProcessInfo process, int depth, ILookup<int, ProcessInfo> children, Dictionary<int, string> fds, HashSet<int> seen)
    {
        if (!seen.Add(process.Pid))
        {
            return; // a parent loop in a torn snapshot: each process once
        }

        string indent = depth == 0 ? string.Empty : new string(' ', (depth - 1) * 3) + " `-";
        lines.Add($"{indent}{process.Pid} {process.Title}  user {process.User}  fd {fds[process.Pid]}  {process.DisplayCommand}");
        foreach (var child in children[process.Pid].OrderBy(p => p.Pid))
        {
            Add(lines, child, depth + 1, children, fds, seen);
        }
    }
}
