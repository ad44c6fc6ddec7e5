using System.Net;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>Hand-made snapshots for tests that do not need a /proc tree.</summary>
public static class Snapshots
{
    public static SocketEntry Listener(int port, ulong inode, params int[] pids) => new(
        Protocol.Tcp, "LISTEN", IPAddress.Loopback, port, IPAddress.Any, 0, 0, 0, 0, inode, FixtureProcTree.HostNetns, false,
        new EquatableArray<SocketHolder>(pids.Select(pid => new SocketHolder(
            new ProcessInfo(pid, $"proc{pid}", $"proc{pid} --serve", 0, "root", 100, null, 1, false),
            new EquatableArray<int>([3])))));

    public static Snapshot Of(params SocketEntry[] sockets) => Of(DateTimeOffset.UnixEpoch, sockets);

    public static Snapshot Of(DateTimeOffset takenAt, params SocketEntry[] sockets) => new(
        takenAt, FixtureProcTree.HostNetns, new EquatableArray<SocketEntry>(sockets), EquatableArray<MalformedTable>.Empty,
        new ScanStats(1, 1, 1, 0, 0, 1, 0));
}
