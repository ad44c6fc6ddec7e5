using System.Net;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>Snapshots with every kind of fact the wire carries: IPv6, TIME_WAIT (no inode), shared sockets, cgroups.</summary>
public static class HostSnapshots
{
    public const ulong Netns = 4026531840;

    public static ProcessInfo Process(int pid, string name = "nginx", int ppid = 1, ulong start = 5000) =>
        new(pid, name, $"{name}: master process /usr/sbin/{name} -g daemon off;", 33, "www-data", start,
            new DateTimeOffset(2026, 11, 25, 12, 1, 0, 340, TimeSpan.Zero).AddSeconds(pid), ppid, false)
        {
            Cgroup = new CgroupInfo($"/system.slice/{name}.service", $"{name}.service", null),
        };

    public static SocketEntry Tcp(int port, ulong inode, string state = "LISTEN", params ProcessInfo[] holders) => new(
        Protocol.Tcp, state, IPAddress.Loopback, port, IPAddress.Any, 0, 0, 0, 33, inode, Netns, false,
        new EquatableArray<SocketHolder>(holders.Select((p, i) => new SocketHolder(p, new EquatableArray<int>([3 + i, 7])))))
    {
        Role = state == "LISTEN" ? SocketRole.Listener : SocketRole.Client,
    };

    public static SocketEntry Tcp6Accepted(int port, ulong inode, ProcessInfo holder) => new(
        Protocol.Tcp6, "ESTABLISHED", IPAddress.Parse("::ffff:10.0.0.5"), port, IPAddress.Parse("2001:db8::17"), 51234, 12, 0, 33, inode, Netns + 7, false,
        new EquatableArray<SocketHolder>([new SocketHolder(holder, new EquatableArray<int>([9]))]))
    {
        Role = SocketRole.Accepted,
    };

    public static SocketEntry TimeWait(int port, int peerPort) => new(
        Protocol.Tcp, "TIME_WAIT", IPAddress.Loopback, port, IPAddress.Loopback, peerPort, 0, 0, 0, 0, Netns, false, EquatableArray<SocketHolder>.Empty)
    {
        Role = SocketRole.Accepted,
    };

    public static SocketEntry HiddenUdp(int port, ulong inode) => new(
        Protocol.Udp6, "UNCONN", IPAddress.IPv6Any, port, IPAddress.IPv6Any, 0, 0, 0, 1000, inode, Netns, true, EquatableArray<SocketHolder>.Empty)
    {
        Role = SocketRole.Listener,
    };

    public static Snapshot Of(DateTimeOffset takenAt, params SocketEntry[] sockets) => new(
        takenAt, Netns, new EquatableArray<SocketEntry>(sockets), EquatableArray<MalformedTable>.Empty,
        new ScanStats(12, 340, 25, 1, 0, 2, 0));

    public static Snapshot Of(params SocketEntry[] sockets) => Of(new DateTimeOffset(2026, 11, 25, 12, 40, 1, TimeSpan.Zero), sockets);

    /// <summary>The same snapshot with every socket marked as <paramref name="host"/>'s (what a reader of that host yields).</summary>
    public static Snapshot On(this Snapshot snapshot, string host) =>
        snapshot with { Sockets = new EquatableArray<SocketEntry>(snapshot.Sockets.Select(s => s with { Host = host })) };

    /// <summary>Sockets by identity, for comparing snapshots whose order differs (the wire does not keep order).</summary>
    public static IReadOnlyList<SocketEntry> ByKey(Snapshot snapshot) =>
        snapshot.Sockets.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ToList();
}
