using System.Globalization;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Output;

/// <summary>Prints sockets as an aligned text table, like <c>ss -tulpn</c> but listing every holder.</summary>
public static class SnapshotTableWriter
{
    private static readonly string[] Headers = ["Proto", "State", "Local Address:Port", "Peer Address:Port", "Inode", "User", "Holders (pid/name fd)"];

    public static void Write(TextWriter output, Snapshot snapshot, IReadOnlyList<SocketEntry> sockets)
    {
        var rows = new List<string[]>(sockets.Count + 1) { Headers };
        foreach (var socket in sockets)
        {
            rows.Add(
            [
                socket.Protocol.Name() + (socket.Netns != snapshot.OwnNetns && snapshot.OwnNetns != 0 ? "*" : string.Empty),
                socket.State,
                socket.LocalEndpoint,
                socket.RemoteEndpoint,
                socket.Inode.ToString(CultureInfo.InvariantCulture),
                HolderUsers(socket),
                Holders(socket, snapshot.Stats.AsRoot),
            ]);
        }

        var widths = new int[Headers.Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }

        output.WriteLine();
        output.WriteLine($"{sockets.Count} of {snapshot.Sockets.Count} sockets"
            + (sockets.Any(s => s.Netns != snapshot.OwnNetns && snapshot.OwnNetns != 0) ? "  (* = another network namespace)" : string.Empty));
    }

    public static string Holders(SocketEntry socket, bool asRoot)
    {
        if (socket.HoldersHidden)
        {
            return Presentation.Wording.HiddenHolder(asRoot);
        }

        return socket.Holders.Count == 0
            ? "-"
            : string.Join(", ", socket.Holders.Select(o => $"{o.Pid}/{o.Process.Name} fd {string.Join(",", o.Fds)}"));
    }

    private static string HolderUsers(SocketEntry socket) =>
        socket.Holders.Count == 0 ? "-" : string.Join(",", socket.Holders.Select(o => o.Process.User).Distinct());
}
