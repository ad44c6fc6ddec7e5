using System.Globalization;
using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Presentation;

/// <summary>
/// The texts of the socket table's cells that take more than a field (the <see cref="Columns"/> table names them). Every
/// field others control goes through <see cref="TerminalText"/>. The holder a row names first, sorts by and shows the
/// user of is <see cref="HolderTree.Lead"/> (a pre-fork master, not a lower-pid worker).
/// </summary>
public static class TableCells
{
    /// <summary>Holders named in one <c>--once</c> cell; the rest are counted (<c>+997 more</c>).</summary>
    public const int ShownHolders = 3;

    /// <summary>Fds listed per holder in <c>--once</c>; the rest are counted (<c>fd 3,4,5,6 +99996 fds</c>).</summary>
    public const int ShownFds = 4;

    /// <summary><c>tcp</c>, or <c>tcp*</c> for a socket in another network namespace (<see cref="Wording.OtherNetnsMark"/>).</summary>
    public static string Proto(SocketEntry socket, Snapshot snapshot) =>
        socket.Protocol.Name() + (snapshot.InOtherNetns(socket) ? "*" : string.Empty);

    /// <summary>The live view's holders cell: <c>1234/nginx</c>, <c>1234/nginx +2</c>, <c>hidden</c> or <c>-</c>.</summary>
    public static string Holders(SocketEntry socket)
    {
        if (socket.HoldersHidden)
        {
            return Wording.HiddenCell;
        }

        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var first = HolderTree.Lead(socket);
        string more = socket.Holders.Count > 1 ? $" +{socket.Holders.Count - 1}" : string.Empty;
        return $"{first.Pid}/{TerminalText.Sanitize(first.Name)}{more}";
    }

    /// <summary>
    /// <c>--once</c>'s holders cell: the first <see cref="ShownHolders"/> holders with their first <see cref="ShownFds"/>
    /// fds, the rest counted, so its size follows the sockets listed, not the fds behind them.
    /// </summary>
    public static string HoldersWithFds(SocketEntry socket, bool asRoot)
    {
        if (socket.HoldersHidden)
        {
            return Wording.HiddenHolder(asRoot);
        }

        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var shown = socket.Holders.Take(ShownHolders).Select(o => $"{o.Pid}/{TerminalText.Sanitize(o.Process.Name)} fd {Fds(o.Fds)}");
        return string.Join(", ", shown) + More(socket.Holders.Count - ShownHolders, ", +{0} more");
    }

    /// <summary><c>--once</c>'s user cell: every holder's user once (<c>root,www-data</c>), or <c>-</c>.</summary>
    public static string Users(SocketEntry socket)
    {
        if (socket.Holders.Count == 0)
        {
            return "-";
        }

        var users = socket.Holders.Select(o => o.Process.User).Distinct().ToList();
        return string.Join(",", users.Take(ShownHolders).Select(TerminalText.Sanitize)) + More(users.Count - ShownHolders, ",+{0}");
    }

    /// <summary>A traffic cell: empty without tcp_info.</summary>
    public static string Traffic(SocketEntry socket, Snapshot snapshot, Func<TuiPorts.Core.Model.TcpInfo, string> text) =>
        snapshot.TcpInfoOf(socket) is { } info ? text(info) : string.Empty;

    // Sort keys by the holder the row shows; sockets without one go last.
    internal static int LeadPid(SocketEntry s) => s.Holders.Count > 0 ? HolderTree.Lead(s).Pid : int.MaxValue;

    internal static string LeadName(SocketEntry s) => s.Holders.Count > 0 ? HolderTree.Lead(s).Name : "\uffff";

    internal static string LeadUser(SocketEntry s) => s.Holders.Count > 0 ? HolderTree.Lead(s).User : "\uffff";

    private static string Fds(EquatableArray<int> fds) =>
        string.Join(",", fds.Take(ShownFds)) + More(fds.Count - ShownFds, " +{0} fds");

    private static string More(int hidden, string format) =>
        hidden > 0 ? string.Format(CultureInfo.InvariantCulture, format, hidden) : string.Empty;
}
