using Microsoft.Extensions.Time.Testing;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>
/// A one-shot without a snapshot (<see cref="OnceSource"/> + <c>OnceJsonWriter</c>) writes the very document the
/// snapshot path writes: on a fixture with repeated rows, ties, shared sockets, IPv4-mapped peers, a self-connected
/// socket, another namespace, a vanished holder, a malformed line, and refused processes.
/// </summary>
public sealed class OnceSourceTests : IDisposable
{
    private const string Any4 = "00000000:0000";
    private const string Any6 = "00000000000000000000000000000000:0000";
    private const string Lo = "0100007F";
    private const string Mapped = "0000000000000000FFFF00000100007F"; // ::ffff:127.0.0.1
    private const string Lo6 = "00000000000000000000000001000000"; // ::1
    private readonly FixtureProcTree _proc = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero));

    public OnceSourceTests()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, $"{Lo}:2328", Any4, "0A", 500), // 127.0.0.1:9000 LISTEN, two processes
            Row(1, $"{Lo}:2328", $"{Lo}:C350", "01", 501), // accepted 9000 <- 50000
            Row(2, $"{Lo}:C350", $"{Lo}:2328", "01", 502), // client 50000 -> 9000
            Row(3, "00000000:0016", Any4, "0A", 503), // *:22
            Row(4, $"{Lo}:2328", $"{Lo}:C350", "08", 501), // 501 again (the kernel repeats rows under churn): the first counts
            Row(5, $"{Lo}:2328", "0200007F:9C40", "06", 0), // TIME_WAIT to 127.0.0.2:40000
            Row(6, $"{Lo}:2328", "0300007F:9C40", "06", 0), // TIME_WAIT to 127.0.0.3:40000: ties with the one before
            Row(7, $"{Lo}:2328", "0200007F:9C40", "06", 0), // the first TIME_WAIT again
            Row(8, $"{Lo}:C351", $"{Lo}:2328", "01", 504), // client 50001 -> 9000, accepted by a dual-stack socket
            Row(9, $"{Lo}:1770", $"{Lo}:1770", "01", 505), // connected to itself: no other end
            Row(10, $"{Lo}:1B58", "0500000A:01BB", "02", 506), // SYN_SENT, nobody holds it
            Row(11, $"{Lo}:1F90", Any4, "0A", 507), // 127.0.0.1:8080, held by 400
            "  12: garbage",
            Row(13, $"{Lo}:C352", $"{Lo}:2328", "01", 508), // its holder vanished before the walk
        ]);
        _proc.WriteTable("tcp6",
        [
            Row(0, Any6.Replace(":0000", ":01BB", StringComparison.Ordinal), Any6, "0A", 600), // [::]:443, two fds of 100 and one of 101
            Row(1, $"{Mapped}:2328", $"{Mapped}:C351", "01", 601), // accepted ::ffff:127.0.0.1:9000 <- 50001
            Row(2, $"{Lo6}:01BB", $"{Lo6}:9C41", "01", 602),
            Row(3, $"{Lo6}:9C41", $"{Lo6}:01BB", "01", 603),
        ]);
        _proc.WriteTable("udp",
        [
            Row(0, "00000000:0035", Any4, "07", 700),
            Row(1, $"{Lo}:1388", $"{Lo}:1389", "01", 701),
            Row(2, $"{Lo}:1389", $"{Lo}:1388", "01", 702),
            Row(3, $"{Lo}:2328", Any4, "07", 703),
        ]);
        _proc.WriteTable("udp6", [Row(0, Any6.Replace(":0000", ":0035", StringComparison.Ordinal), Any6, "07", 710)]);
        _proc.AddProcess(100, "server", "./server --port 9000").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 501)
            .AddSocketFd(100, 7, 600).AddSocketFd(100, 5, 600).AddSocketFd(100, 6, 601).AddSocketFd(100, 8, 602);
        _proc.AddProcess(101, "server", "./server --port 9000", ppid: 100).AddSocketFd(101, 3, 500).AddSocketFd(101, 9, 600);
        _proc.AddProcess(200, "client", "client", uid: 33).AddSocketFd(200, 3, 502).AddSocketFd(200, 4, 504)
            .AddSocketFd(200, 5, 505).AddSocketFd(200, 6, 603).AddSocketFd(200, 7, 701);
        _proc.AddProcess(300, "sshd", "sshd -D").AddSocketFd(300, 3, 503).AddSocketFd(300, 4, 700).AddSocketFd(300, 5, 702).AddSocketFd(300, 6, 710);
        _proc.AddProcess(400, "web", "web").AddSocketFd(400, 3, 507);
        _proc.AddProcess(500, "gone", "gone").AddSocketFd(500, 3, 508);
        _proc.RemoveFdDirectory(500);

        // another namespace: its own tables, one connection with the same ends as one of the host's
        _proc.AddProcess(800, "container", "container", netns: 4026532000).AddSocketFd(800, 3, 900).AddSocketFd(800, 4, 901);
        _proc.AddProcess(801, "sidecar", "sidecar", netns: 4026532000);
        _proc.WriteTable("tcp", [Row(0, Any4.Replace(":0000", ":2328", StringComparison.Ordinal), Any4, "0A", 900), Row(1, $"{Lo}:2328", $"{Lo}:C350", "01", 901)], pid: 800);
    }

    public void Dispose() => _proc.Dispose();

    public static TheoryData<string> Queries() => ["all", "9000", "22,8080", "1-100", "0", "50000", "ssh", "listening", "tcp", "udp", "ESTABLISHED"];

    private static SocketQuery QueryOf(string text) => text switch
    {
        "all" => SocketQuery.All,
        "listening" => new SocketQuery(ListeningOnly: true),
        "tcp" => new SocketQuery(Family: ProtocolFamily.Tcp),
        "udp" => new SocketQuery(Family: ProtocolFamily.Udp),
        "ESTABLISHED" => new SocketQuery { State = SocketStates.Established },
        _ => new SocketQuery(PortFilterParser.Parse(text, ServicesFile.Parse("ssh 22/tcp\n")).Filter),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_document_is_the_snapshots_byte_for_byte(string query)
    {
        string expected = OnceDocuments.FromSnapshot(_proc.ProcRoot, QueryOf(query), _time);

        string actual = OnceDocuments.FromPicture(_proc.ProcRoot, QueryOf(query), _time);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Refused_processes_hide_the_same_owners_with_the_same_warning(bool asRoot)
    {
        var refusing = new OnceDocuments.Refusing(400);
        string expected = OnceDocuments.FromSnapshot(_proc.ProcRoot, SocketQuery.All, _time, refusing, asRoot);

        string actual = OnceDocuments.FromPicture(_proc.ProcRoot, SocketQuery.All, _time, refusing, asRoot);

        Assert.Equal(expected, actual);
        Assert.Contains("\"ownersHidden\": true", actual, StringComparison.Ordinal);
        Assert.Contains("owners of 4 sockets hidden", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_has_what_the_comparison_is_for()
    {
        string document = OnceDocuments.FromPicture(_proc.ProcRoot, SocketQuery.All, _time);

        Assert.Contains("\"peerInode\": 601", document, StringComparison.Ordinal); // 127.0.0.1:50001 -> its mapped other end
        Assert.Contains("\"netns\": 4026532000", document, StringComparison.Ordinal);
        Assert.Contains("1 malformed line skipped", document, StringComparison.Ordinal);
        Assert.Contains("\"fds\": [\n            5,\n            7\n          ]", document.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(2, document.Split("\"inode\": 0,").Length - 1); // the repeated TIME_WAIT counts once
        Assert.Single(document.Split("\"inode\": 501,").Skip(1)); // so does the repeated connection
    }

    [Fact]
    public void A_row_the_compact_form_cannot_carry_makes_no_picture()
    {
        _proc.WriteTable("udp", [Row(0, "00000000:0035", Any4, "07", 700).Replace("00000000:00000000", "100000000:00000000", StringComparison.Ordinal)]);

        Assert.Null(new OnceSource(_proc.ProcRoot, _time).Take());
    }
}
