using System.Globalization;
using System.Net;
using System.Text.Json;

namespace TuiPorts.Core.Wire;

/// <summary>
/// Reads the <c>--once --json</c> document (docs/json-schema.md) back into a <see cref="Snapshot"/>: what another
/// host's tuiports sent. Built on <see cref="JsonElement"/> (no reflection, AOT-safe). Every socket gets the host's
/// name; processes seen before (same pid and start time, same facts) are shared, not copied, so a host's snapshot
/// costs its facts once and compares by reference. Anything that is not the documented shape is a
/// <see cref="FormatException"/>: that includes values no tuiports writes (a port outside 0-65535, an unknown state or
/// protocol, a pid below 1, a negative fd) and strings longer than their cap (<see cref="MaxText"/>, a command line
/// <see cref="MaxCommandLine"/>), so another host cannot put anything on screen that a scan here could not.
/// </summary>
public sealed class SnapshotJsonReader(string? host)
{
    public const int MaxText = 4096;
    public const int MaxCommandLine = 64 * 1024;
    private const int MaxState = 16;

    private Dictionary<(int Pid, ulong Start), ProcessInfo> _processes = [];

    public string? Host { get; } = host;

    /// <summary>Parses a whole document.</summary>
    public Snapshot ReadDocument(string json)
    {
        using var document = Parse(json);
        return ReadSnapshot(document.RootElement);
    }

    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
    }

    public Snapshot ReadSnapshot(JsonElement root) => Guard(() =>
    {
        var sockets = new List<SocketEntry>();
        foreach (var socket in Property(root, "sockets").EnumerateArray())
        {
            sockets.Add(ReadSocket(socket));
        }

        var snapshot = new Snapshot(
            ReadTime(root), Property(root, "ownNetns").GetUInt64(), new EquatableArray<SocketEntry>(sockets),
            EquatableArray<MalformedTable>.Empty, ReadStats(Property(root, "stats")));
        ForgetProcessesNotIn(snapshot);
        return snapshot;
    });

    public SocketEntry ReadSocket(JsonElement socket) => Guard(() =>
    {
        var holders = new List<SocketHolder>();
        foreach (var owner in Property(socket, "owners").EnumerateArray())
        {
            var fds = Property(owner, "fds").EnumerateArray().Select(fd => InRange(fd.GetInt32(), 0, int.MaxValue, "fds"));
            holders.Add(new SocketHolder(ReadProcess(owner), new EquatableArray<int>(fds)));
        }

        return new SocketEntry(
            ReadProtocol(socket), State(socket), Address(socket, "localAddress"), Port(socket, "localPort"),
            Address(socket, "remoteAddress"), Port(socket, "remotePort"), InRange(Property(socket, "txQueue").GetInt64(), 0, long.MaxValue, "txQueue"),
            InRange(Property(socket, "rxQueue").GetInt64(), 0, long.MaxValue, "rxQueue"), Property(socket, "uid").GetInt32(), Property(socket, "inode").GetUInt64(),
            Property(socket, "netns").GetUInt64(), Property(socket, "ownersHidden").GetBoolean(), new EquatableArray<SocketHolder>(holders))
        {
            Role = ReadRole(Text(socket, "role")),
            Host = Host,
        };
    });

    /// <summary>A socket's identity as a stream's <c>removed</c> entry writes it (see <see cref="StreamDelta"/>).</summary>
    public SocketKey ReadKey(JsonElement key) => Guard(() =>
    {
        ulong inode = Property(key, "inode").GetUInt64();
        var protocol = ReadProtocol(key);
        ulong netns = Property(key, "netns").GetUInt64();
        var identity = inode != 0
            ? SocketKey.ForInode(netns, protocol, inode)
            : SocketKey.ForEnds(
                netns, protocol, Address(key, "localAddress"), Port(key, "localPort"),
                Address(key, "remoteAddress"), Port(key, "remotePort"), State(key));
        return identity with { Host = Host };
    });

    public static ScanStats ReadStats(JsonElement stats) => Guard(() => new ScanStats(
        Property(stats, "processes").GetInt32(), Property(stats, "fdsRead").GetInt32(), Property(stats, "socketFds").GetInt32(),
        Property(stats, "processesDenied").GetInt32(), Property(stats, "processesVanished").GetInt32(),
        Property(stats, "namespaces").GetInt32(), Property(stats, "malformedLines").GetInt32(),
        stats.TryGetProperty("asRoot", out var asRoot) && asRoot.ValueKind == JsonValueKind.True)); // older tuiports: not known

    public static DateTimeOffset ReadTime(JsonElement root) =>
        DateTimeOffset.Parse(Text(root, "takenAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Drops shared processes no socket of <paramref name="snapshot"/> holds any more (a long stream churns pids).</summary>
    public void ForgetProcessesNotIn(Snapshot snapshot)
    {
        if (_processes.Count < 1024)
        {
            return;
        }

        var kept = new Dictionary<(int, ulong), ProcessInfo>();
        foreach (var holder in snapshot.Sockets.SelectMany(s => s.Holders))
        {
            kept[(holder.Pid, holder.Process.StartTimeTicks)] = holder.Process;
        }

        _processes = kept;
    }

    private ProcessInfo ReadProcess(JsonElement owner)
    {
        string? startedAt = NullableText(owner, "startedAt");
        string? cgroup = NullableText(owner, "cgroup");
        var process = new ProcessInfo(
            InRange(Property(owner, "pid").GetInt32(), 1, int.MaxValue, "pid"), Text(owner, "name"), Text(owner, "cmdline", MaxCommandLine),
            Property(owner, "uid").GetInt32(), Text(owner, "user"), Property(owner, "startTimeTicks").GetUInt64(),
            startedAt is null ? null : DateTimeOffset.Parse(startedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            InRange(Property(owner, "ppid").GetInt32(), 0, int.MaxValue, "ppid"), Property(owner, "kernelThread").GetBoolean())
        {
            Cgroup = cgroup is null ? null : new CgroupInfo(cgroup, NullableText(owner, "unit"), NullableText(owner, "container")),
        };
        var key = (process.Pid, process.StartTimeTicks);
        if (_processes.TryGetValue(key, out var known) && known.Equals(process))
        {
            return known;
        }

        _processes[key] = process;
        return process;
    }

    private static Protocol ReadProtocol(JsonElement element) => Text(element, "proto") switch
    {
        "tcp" => Protocol.Tcp,
        "tcp6" => Protocol.Tcp6,
        "udp" => Protocol.Udp,
        "udp6" => Protocol.Udp6,
        var other => throw new FormatException($"unknown proto '{Excerpt(other)}'"),
    };

    private static SocketRole ReadRole(string role) => role switch
    {
        "listener" => SocketRole.Listener,
        "accepted" => SocketRole.Accepted,
        "client" => SocketRole.Client,
        _ => throw new FormatException($"unknown role '{Excerpt(role)}'"),
    };

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"no \"{name}\"");

    private static string Text(JsonElement element, string name, int max = MaxText) =>
        Capped(Property(element, name).GetString() ?? throw new FormatException($"\"{name}\" is null"), name, max);

    private static string? NullableText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Capped(value.GetString(), name, MaxText) : null;

    private static string Capped(string? text, string name, int max) =>
        text is { Length: var length } && length > max ? throw new FormatException($"\"{name}\" is longer than {max} characters") : text!;

    private static int Port(JsonElement element, string name) => InRange(Property(element, name).GetInt32(), 0, 65535, name);

    private static T InRange<T>(T value, T min, T max, string name)
        where T : IComparable<T> =>
        value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0 ? value : throw new FormatException($"\"{name}\" is out of range: {value}");

    /// <summary>A state a scan can write: netstat's TCP names, UNCONN, or UNKNOWN_XX for a code it does not know.</summary>
    private static string State(JsonElement element)
    {
        string state = Text(element, "state", MaxState);
        bool known = state == SocketStates.Unconnected || Enumerable.Range(1, 12).Any(code => SocketStates.TcpName(code) == state)
            || (state.Length == 10 && state.StartsWith("UNKNOWN_", StringComparison.Ordinal) && state[8..].All(char.IsAsciiHexDigitUpper));
        return known ? state : throw new FormatException($"unknown state '{Excerpt(state)}'");
    }

    /// <summary>A remote value quoted in an error: its start, with control and format characters as '?'.</summary>
    private static string Excerpt(string text) =>
        new(text.Take(24).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c).ToArray());

    private static IPAddress Address(JsonElement element, string name) =>
        IPAddress.TryParse(Text(element, name, 64), out var address) ? address : throw new FormatException($"\"{name}\" is not an address");

    /// <summary>Wrong kinds and out-of-range numbers are format errors too: one exception type for "not our document".</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
