using System.Text.RegularExpressions;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Core.Wire;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// <c>--once --json</c> writes without a snapshot (<see cref="OnceSource"/>) and prints what the snapshot path prints
/// (<see cref="OnceCommand.Ordered"/> + <see cref="SnapshotJsonWriter"/>), filters included; a table the compact form
/// cannot carry is printed through a snapshot, the same way.
/// </summary>
public sealed partial class OnceJsonPathTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public OnceJsonPathTests()
    {
        _proc.WriteTable("tcp",
        [
            Row(0, "0100007F:2328", "00000000:0000", "0A", 500),
            Row(1, "0100007F:2328", "0100007F:C350", "01", 501),
            Row(2, "0100007F:C350", "0100007F:2328", "01", 502),
            Row(3, "0100007F:2328", "0200007F:9C40", "06", 0),
        ]);
        _proc.WriteTable("udp", [Row(0, "0100007F:0035", "00000000:0000", "07", 503)]);
        _proc.AddProcess(100, "server", "./server 9000").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 501);
        _proc.AddProcess(200, "client", "client", uid: 33).AddSocketFd(200, 3, 502).AddSocketFd(200, 4, 503);
        File.WriteAllText(Path.Combine(_proc.Root, "services"), "domain 53/udp\n");
    }

    public void Dispose() => _proc.Dispose();

    [Theory]
    [InlineData]
    [InlineData("--port", "9000")]
    [InlineData("--port", "domain")]
    [InlineData("--listening")]
    [InlineData("--proto", "udp")]
    [InlineData("--pretty")]
    public void The_printed_document_is_the_snapshot_paths(params string[] filter)
    {
        var query = filter switch
        {
            ["--port", var ports] => new SocketQuery(PortFilterParser.Parse(ports, Core.ProcFs.ServicesFile.Load(_proc.ProcRoot)).Filter),
            ["--listening"] => new SocketQuery(ListeningOnly: true),
            ["--proto", "udp"] => new SocketQuery(Family: ProtocolFamily.Udp),
            _ => SocketQuery.All,
        };

        string printed = Once(filter);

        Assert.Equal(SnapshotDocument(query, filter.Contains("--pretty")), printed);
    }

    [Fact]
    public void A_queue_beyond_32_bits_is_printed_through_a_snapshot_as_it_is()
    {
        _proc.WriteTable("udp", [Row(0, "0100007F:0035", "00000000:0000", "07", 503).Replace("00000000:00000000", "100000000:00000000", StringComparison.Ordinal)]);

        string printed = Once();

        Assert.Null(new OnceSource(_proc.ProcRoot).Take());
        Assert.Equal(SnapshotDocument(SocketQuery.All), printed);
        Assert.Contains("\"txQueue\":4294967296", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_for_text_among_holders_cannot_be_written_from_a_picture()
    {
        var picture = new OnceSource(_proc.ProcRoot).Take()!;

        Assert.False(new SocketQuery(Text: "server").ReadsOnlySocketFields);
        Assert.Throws<ArgumentException>(() => OnceJsonWriter.Write(Stream.Null, picture, new SocketQuery(Text: "server")));
    }

    private string Once(params string[] filter)
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLineInterface.Run(["--once", "--json", "--proc-root", _proc.Root, .. filter], output, new StringWriter()));
        return TakenAt().Replace(output.ToString(), "X");
    }

    private string SnapshotDocument(SocketQuery query, bool pretty = false)
    {
        var snapshot = new ProcSnapshotSource(_proc.ProcRoot) { Prefilter = query.Ports, ReusesEntries = false }.Take();
        using var buffer = new MemoryStream();
        SnapshotJsonWriter.Write(buffer, snapshot, OnceCommand.Ordered(snapshot.Sockets.Where(query.Matches)), pretty);
        return TakenAt().Replace(System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine, "X");
    }

    [GeneratedRegex("\"takenAt\": ?\"[^\"]*\"")]
    private static partial Regex TakenAt();
}
