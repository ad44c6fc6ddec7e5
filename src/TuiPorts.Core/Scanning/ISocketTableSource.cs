using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// Where the socket tables of tuiports' own network namespace come from: NETLINK_SOCK_DIAG on a real procfs, the
/// /proc/net files everywhere else (a copy, a fixture) and as the fallback. Other namespaces are always read as files.
/// </summary>
public interface ISocketTableSource
{
    /// <param name="ports">Only sockets whose local or remote port matches (a superset is fine: the query decides).</param>
    NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null);
}

public static class SocketTableSource
{
    /// <summary>sock_diag (falling back to files) when <paramref name="root"/> is the kernel's procfs, else its files.</summary>
    public static ISocketTableSource For(ProcRoot root) =>
        root.IsRealProcfs() ? new SockDiagTableSource(new ProcNetTableSource(root), root) : new ProcNetTableSource(root);
}

/// <summary>The own namespace's tables as files: <c>&lt;root&gt;/net/{tcp,tcp6,udp,udp6}</c>.</summary>
public sealed class ProcNetTableSource(ProcRoot root) : ISocketTableSource
{
    public NamespaceTables ReadOwn(ulong netns, Filtering.PortFilter? ports = null) =>
        NamespaceTables.ReadFiles(netns, root.OwnNetFile).Narrowed(ports);
}
