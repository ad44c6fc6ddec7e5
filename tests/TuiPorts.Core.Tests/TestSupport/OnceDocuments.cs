using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// The <c>--once --json</c> document both ways: from a snapshot (<see cref="ProcSnapshotSource"/>, the query, then
/// <c>--once</c>'s order: protocol, then the UI's port order, ties as they came) and from a <see cref="OncePicture"/>.
/// </summary>
public static class OnceDocuments
{
    public static string FromSnapshot(ProcRoot root, SocketQuery query, TimeProvider time, IFdTableReader? fds = null, bool? isRoot = null)
    {
        var snapshot = new ProcSnapshotSource(root, time, isRoot, fdReader: fds) { Prefilter = query.Ports, ReusesEntries = false }.Take();
        var ordered = snapshot.Sockets.Where(query.Matches)
            .OrderBy(s => s.Protocol).ThenBy(s => s, Comparer<SocketEntry>.Create(SortOrder.Default.Compare));
        using var buffer = new MemoryStream();
        SnapshotJsonWriter.Write(buffer, snapshot, ordered, indented: true);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string FromPicture(ProcRoot root, SocketQuery query, TimeProvider time, IFdTableReader? fds = null, bool? isRoot = null)
    {
        var picture = new OnceSource(root, time, isRoot, fds).Take(query.Ports);
        Assert.NotNull(picture);
        using var buffer = new MemoryStream();
        OnceJsonWriter.Write(buffer, picture, query, indented: true);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads the fd tables as the kernel does, but refuses the pids given (a non-root reader's EACCES).</summary>
    public sealed class Refusing(params int[] refused) : IFdTableReader
    {
        public LinkStatus ReadSockets(ProcRoot root, int pid, FdWalk walk) =>
            refused.Contains(pid) ? LinkStatus.Denied : FdTables.Kernel.ReadSockets(root, pid, walk);
    }
}
