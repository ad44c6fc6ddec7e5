using System.Net;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Presentation;

/// <summary>
/// Every writer that puts others' text on a terminal, fed a socket and processes whose every text field is an attack
/// (window title, OSC 52 clipboard write, clear screen, a fake row, C1 CSI, bidi override, an unterminated OSC): not
/// one control character comes out, and a row stays one line.
/// </summary>
public sealed class HostileTextWritersTests
{
    private const string P = HostileText.Payload;

    private static ProcessInfo Process(int pid, int ppid) =>
        new(pid, HostileText.Name, P + " --flag " + P, 1000, P, 100, DateTimeOffset.UnixEpoch, ppid, false)
        {
            Cgroup = new CgroupInfo(P, P, P),
        };

    private static readonly ProcessInfo Master = Process(4100, 1);
    private static readonly ProcessInfo Worker = Process(4101, 4100);

    private static SocketEntry Socket(string? host) => new(
        Protocol.Tcp, P, IPAddress.Loopback, 41000, IPAddress.Any, 0, 0, 0, 1000, 77, 4026531840, false,
        new EquatableArray<SocketHolder>([
            new SocketHolder(Master, new EquatableArray<int>([3, 4])),
            new SocketHolder(Worker, new EquatableArray<int>([3])),
        ]))
    {
        Host = host,
        Role = SocketRole.Listener,
    };

    private static Snapshot SnapshotOf(string? host) => TestSupport.Snapshots.Of(Socket(host)) with
    {
        Malformed = new EquatableArray<MalformedTable>([new MalformedTable("/proc/" + P + "/net/tcp", 2)]),
    };

    public static TheoryData<string?> Hosts => new() { null, P };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_once_table_is_plain_text_on_a_terminal_and_in_a_pipe(string? host)
    {
        var snapshot = SnapshotOf(host);
        foreach (int? width in new int?[] { null, 80, 400 })
        {
            var output = new StringWriter();
            SnapshotTableWriter.Write(output, snapshot, snapshot.Sockets, width);

            string text = output.ToString();
            Assert.True(HostileText.IsTerminalSafe(text, allowNewlines: true), HostileText.Describe(text));
            Assert.Equal(4, text.TrimEnd('\n').Split('\n').Length); // header, one row, blank line, count: no faked row
        }
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_ui_rows_header_and_detail_pane_show_symbols(string? host)
    {
        var snapshot = SnapshotOf(host);
        var rows = snapshot.Sockets.Select(s => new SocketRow(s, RowMark.None)).ToList();
        var facts = new DetailFacts(
            new Dictionary<int, FdListing> { [4100] = new(LinkStatus.Ok, [new FdEntry(3, "socket:[77]"), new FdEntry(5, "/tmp/" + P)], 2) },
            new Dictionary<int, string> { [1] = P },
            new Dictionary<string, string> { ["socket:[77]"] = "unix " + P });

        foreach (int width in new[] { 60, 200 })
        {
            var layout = RowLayout.For(width, rows, snapshot);
            AssertLine(layout.Header());
            AssertLine(layout.Format(rows[0], snapshot));
        }

        foreach (var facts1 in new DetailFacts?[] { null, facts, DetailFacts.ForRemoteHost })
        {
            Assert.All(HolderDetails.Build(snapshot.Sockets[0], facts1, asRoot: true).Lines, AssertLine);
        }
    }

    [Fact]
    public void Host_lines_and_remote_words_are_sanitised()
    {
        var now = TimeSpan.FromHours(1); // monotonic
        var statuses = Enumerable.Range(0, 5)
            .Select(i => new HostStatus(P + i, HostState.Failed, P, now + TimeSpan.FromSeconds(3)))
            .ToList();

        Assert.All(StatusLines.Hosts(statuses, now), AssertLine);
        AssertLine(Wording.HostLine(statuses[0] with { State = HostState.Live }, now));
        AssertLine(Wording.HostEnded("ssh: " + P + "\n" + P, 255, null));
        AssertLine(Wording.HostEnded(P, 127, null));
        AssertLine(Wording.HostGarbage(P, "bad"));
        AssertLine(Wording.RemoteKillOutcome(P, [P, P]));
        Assert.All(Wording.Warnings(SnapshotOf(P)), AssertLine);
    }

    [Fact]
    public void Json_escapes_every_control_character_itself()
    {
        // JSON is data for jq: its writer escapes C0, C1 and DEL on its own (format characters stay data, unchanged)
        var snapshot = SnapshotOf(P);
        using var buffer = new MemoryStream();
        SnapshotJsonWriter.Write(buffer, snapshot, snapshot.Sockets, indented: true);

        string text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        Assert.DoesNotContain(text, c => c is < ' ' and not '\n' || c is >= '\u007f' and <= '\u009f');
        Assert.Contains("\\u001B]52;c;aWQK\\u0007", text, StringComparison.Ordinal);
    }

    private static void AssertLine(string line) =>
        Assert.True(HostileText.IsTerminalSafe(line), HostileText.Describe(line, allowNewlines: false));
}
