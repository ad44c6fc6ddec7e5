
namespace TuiPorts.Core.Remote;

/// <summary>
/// The hosts of a several-host view (<c>--ssh</c>): the remote ones as ssh names them, and this machine's name when
/// <c>--local</c> adds it (read directly, never over ssh). A socket is remote when it carries another host's name.
/// </summary>
public sealed record HostSet(IReadOnlyList<string> Remote, string? Local)
{
    /// <summary>Every host in the order they are shown and reported: this machine first, then as given.</summary>
    public IReadOnlyList<string> All => Local is null ? Remote : [Local, .. Remote];

    public bool IsRemote(SocketEntry socket) => socket.Host is { } host && host != Local;

    /// <summary>This machine's name in the HOST column: its host name, or "local" when a remote host has that name.</summary>
    public static string LocalName(IReadOnlyList<string> remote)
    {
        string name = Environment.MachineName;
        return name.Length == 0 || remote.Contains(name) ? "local" : name;
    }
}
