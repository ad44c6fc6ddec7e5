using System.Diagnostics;
using System.Text.Json;
using TuiPorts.Cli;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;
using TuiPorts.Hosting;
using TuiPorts.Core.Wire;

namespace TuiPorts.Tests.Cli;

/// <summary><c>tuiports --stream</c> as a real process over a fixture proc tree that the test changes while it runs.</summary>
public sealed class StreamCommandTests : IDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(20);
    private readonly FixtureProcTree _proc = new();
    private readonly Process _stream;

    public StreamCommandTests()
    {
        WriteTcp(Row(0, "0100007F:2328", "00000000:0000", "0A", 500), Row(1, "0100007F:0050", "00000000:0000", "0A", 501));
        _proc.AddProcess(100, "api", "./api --port 9000").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 502);
        _proc.AddProcess(200, "web", "./web").AddSocketFd(200, 3, 501);
        var start = new ProcessStartInfo("dotnet", [CliProcess.AppDll, "--stream", "--interval", "0.2", "--heartbeat", "3600", "--port", "9000", "--proc-root", _proc.Root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _stream = Process.Start(start)!;
    }

    public void Dispose()
    {
        if (!_stream.HasExited)
        {
            _stream.Kill();
        }

        _stream.WaitForExit(5000);
        _stream.Dispose();
        _proc.Dispose();
    }

    /// <summary>Replaces net/tcp in one rename, so the running scan never reads half a table.</summary>
    private void WriteTcp(params string[] rows)
    {
        string path = Path.Combine(_proc.Root, "net", "tcp");
        File.WriteAllLines(path + ".new", [TcpHeader, .. rows]);
        File.Move(path + ".new", path, overwrite: true);
    }

    private async Task<string> NextLine(Task<string?>? pending = null)
    {
        var line = pending ?? _stream.StandardOutput.ReadLineAsync();
        bool arrived = await Task.WhenAny(line, Task.Delay(LineTimeout)) == line;
        Assert.True(arrived, "no line from tuiports --stream in time: " + (_stream.HasExited ? await _stream.StandardError.ReadToEndAsync() : "still running"));
        return await line ?? throw new EndOfStreamException("the stream ended");
    }

    [Fact]
    public async Task The_first_line_is_the_once_json_document_then_only_what_changed()
    {
        string first = await NextLine();
        var once = CliProcess.Run(["--once", "--json", "--port", "9000", "--proc-root", _proc.Root]);
        var expected = new SnapshotJsonReader(null).ReadDocument(once.Stdout);
        var streamed = new SnapshotStreamReader(null);
        Assert.Equal(expected.Sockets, streamed.Read(first).Sockets);
        Assert.Equal([9000], streamed.Current!.Sockets.Select(s => s.LocalPort)); // --port applied on this side

        // unchanged scans write nothing: the next line is the change below (an empty line would fail its asserts);
        // that nothing comes for unchanged scans is checked on virtual time in StreamPublisherTests
        var quiet = _stream.StandardOutput.ReadLineAsync();
        WriteTcp(Row(0, "0100007F:2328", "00000000:0000", "0A", 500), Row(1, "0100007F:0050", "00000000:0000", "0A", 501),
            Row(2, "0100007F:2328", "0100007F:D431", "01", 502)); // a connection accepted on 9000
        string added = await NextLine(quiet);
        using (var delta = JsonDocument.Parse(added))
        {
            Assert.Equal(502UL, Assert.Single(delta.RootElement.GetProperty("added").EnumerateArray()).GetProperty("inode").GetUInt64());
            Assert.Equal(0, delta.RootElement.GetProperty("removed").GetArrayLength());
        }

        Assert.Equal(2, streamed.Read(added).Sockets.Count);

        WriteTcp(Row(1, "0100007F:0050", "00000000:0000", "0A", 501), Row(2, "0100007F:2328", "0100007F:D431", "01", 502));
        var last = streamed.Read(await NextLine());
        Assert.Equal([502UL], last.Sockets.Select(s => s.Inode));
    }

    [Fact]
    public async Task It_ends_as_soon_as_nobody_reads_it()
    {
        await NextLine();

        _stream.StandardOutput.Close();

        Assert.True(_stream.WaitForExit(5000), "tuiports --stream kept running after its reader went away");
        Assert.Equal(ExitCodes.Ok, _stream.ExitCode);
    }

    [Fact]
    public async Task When_nothing_changes_it_writes_a_heartbeat_with_its_clock_and_its_scan_time()
    {
        var start = new ProcessStartInfo("dotnet", [CliProcess.AppDll, "--stream", "--interval", "0.2", "--heartbeat", "0.5", "--port", "9000", "--proc-root", _proc.Root])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var stream = Process.Start(start)!;
        try
        {
            var reader = new SnapshotStreamReader(null);
            Assert.True(reader.ReadLine(await stream.StandardOutput.ReadLineAsync() ?? string.Empty).IsData);
            for (int i = 0; i < 3; i++)
            {
                var line = reader.ReadLine(await stream.StandardOutput.ReadLineAsync().WaitAsync(LineTimeout) ?? string.Empty);
                var beat = Assert.IsType<Heartbeat>(line.Heartbeat); // nothing changed: heartbeats only
                Assert.InRange(beat.At, DateTimeOffset.Now.AddSeconds(-10), DateTimeOffset.Now.AddSeconds(1));
                Assert.InRange(beat.LastScan, TimeSpan.Zero, TimeSpan.FromSeconds(10));
                Assert.Equal([9000], line.Snapshot!.Sockets.Select(s => s.LocalPort)); // and the snapshot stays
            }
        }
        finally
        {
            stream.Kill();
            stream.WaitForExit(5000);
        }
    }
}
