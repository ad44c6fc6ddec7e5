using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Text;
using NSubstitute;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>One host's ssh session on virtual time, with the ssh process faked through <see cref="IProcessLauncher"/>.</summary>
public sealed class RemoteHostFeedTests : IDisposable
{
    private static readonly string[] Filters = ["--port", "9000"];
    private readonly HistoricalScheduler _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly IProcessLauncher _launcher = Substitute.For<IProcessLauncher>();
    private readonly List<(IRemoteProcess Process, Subject<string> Output)> _sessions = [];
    private readonly List<HostSnapshot> _updates = [];
    private readonly VirtualClock _clock;
    private readonly IDisposable _subscription;

    public RemoteHostFeedTests()
    {
        _clock = new VirtualClock(_time);
        _launcher.Start("ssh", Arg.Any<IReadOnlyList<string>>()).Returns(_ =>
        {
            var output = new Subject<string>();
            var process = Substitute.For<IRemoteProcess>();
            process.Output.Returns(output);
            process.ErrorText.Returns(string.Empty);
            _sessions.Add((process, output));
            return process;
        });
        var ssh = new SshCommand("/opt/tuiports", "/tmp/ssh_config");
        var feed = new RemoteHostFeed("db1", _launcher, ssh, RemoteArguments.Stream(TimeSpan.FromSeconds(1), Filters), _time, _clock);
        _subscription = feed.Updates().Subscribe(_updates.Add);
    }

    public void Dispose() => _subscription.Dispose();

    private HostSnapshot Last => _updates[^1];

    private static string Heartbeat(DateTimeOffset at, double scanMs = 3)
    {
        using var wire = new MemoryStream();
        new SnapshotStreamWriter(wire).WriteHeartbeat(new Heartbeat(at, TimeSpan.FromMilliseconds(scanMs)));
        return Encoding.UTF8.GetString(wire.ToArray()).TrimEnd('\n');
    }

    private static string[] StreamLines(params Snapshot[] snapshots)
    {
        using var wire = new MemoryStream();
        var writer = new SnapshotStreamWriter(wire);
        foreach (var snapshot in snapshots)
        {
            writer.Write(snapshot, snapshot.Sockets);
        }

        return Encoding.UTF8.GetString(wire.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The session ends the way ssh ends: stderr said something, then an exit code, then stdout closes.</summary>
    private void End(int session, string stderr, int exitCode)
    {
        _sessions[session].Process.ErrorText.Returns(stderr);
        _sessions[session].Process.ExitCode.Returns(exitCode);
        _sessions[session].Output.OnCompleted();
    }

    [Fact]
    public void It_runs_the_remote_stream_through_ssh_with_the_filters_and_never_asks_anything()
    {
        Assert.Equal(HostState.Connecting, Last.Status.State);
        _launcher.Received(1).Start("ssh", Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(new[]
        {
            "-o", "BatchMode=yes", "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2", "-o", "ConnectTimeout=10", "-o", "Compression=yes", "-T",
            "-F", "/tmp/ssh_config", "db1", "--", "/opt/tuiports", "--stream", "--interval", "1", "--port", "9000",
        })));
    }

    [Fact]
    public void Its_stream_becomes_the_hosts_snapshots_with_every_socket_marked_as_its()
    {
        var lines = StreamLines(Of(Tcp(9000, 500, "LISTEN", Process(100))), Of(Tcp(9000, 500, "LISTEN", Process(100)), Tcp(9000, 501, "ESTABLISHED", Process(100))));

        _sessions[0].Output.OnNext(lines[0]);
        _sessions[0].Output.OnNext(lines[1]);

        Assert.Equal(HostState.Live, Last.Status.State);
        Assert.Equal(2, Last.Snapshot!.Sockets.Count);
        Assert.All(Last.Snapshot.Sockets, s => Assert.Equal("db1", s.Host));
    }

    [Fact]
    public void An_unreachable_host_shows_sshs_words_and_is_retried_with_a_growing_backoff()
    {
        const string refused = "ssh: connect to host db1 port 22: Connection refused";
        var waits = new List<TimeSpan>();
        for (int attempt = 0; attempt < 7; attempt++)
        {
            End(attempt, refused + "\n", 255);
            Assert.Equal(new HostStatus("db1", HostState.Failed, refused, Last.Status.RetryAt), Last.Status);
            Assert.Null(Last.Snapshot);
            var wait = Last.Status.RetryAt!.Value - _clock.MonotonicNow;
            waits.Add(wait);
            _time.AdvanceBy(wait - TimeSpan.FromMilliseconds(1));
            Assert.Equal(attempt + 1, _sessions.Count); // not before its time
            _time.AdvanceBy(TimeSpan.FromMilliseconds(1));
            Assert.Equal(attempt + 2, _sessions.Count);
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void A_dropped_session_reconnects_and_only_a_long_live_one_resets_the_backoff()
    {
        var lines = StreamLines(Of(Tcp(9000, 500, "LISTEN", Process(100))));
        End(0, "ssh: connect to host db1 port 22: Connection timed out", 255);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));
        End(1, "ssh: connect to host db1 port 22: Connection timed out", 255);
        _time.AdvanceBy(TimeSpan.FromSeconds(2));
        _sessions[2].Output.OnNext(lines[0]);
        Assert.Equal(HostState.Live, Last.Status.State);

        End(2, "Connection to 10.0.0.7 closed by remote host.", 255); // live for a moment: still a failing host
        Assert.Equal(_clock.MonotonicNow + TimeSpan.FromSeconds(4), Last.Status.RetryAt);
        _time.AdvanceBy(TimeSpan.FromSeconds(4));
        _sessions[3].Output.OnNext(lines[0]);
        for (int i = 0; i < 16; i++)
        {
            _time.AdvanceBy(TimeSpan.FromSeconds(2));
            _sessions[3].Output.OnNext(Heartbeat(_time.Now));
        }

        End(3, "Connection to 10.0.0.7 closed by remote host.", 255); // live for 32 s: a good session that dropped

        Assert.Equal("Connection to 10.0.0.7 closed by remote host.", Last.Status.Message);
        Assert.Equal(_clock.MonotonicNow + RemoteHostFeed.FirstRetry, Last.Status.RetryAt);
        _time.AdvanceBy(RemoteHostFeed.FirstRetry);
        Assert.Equal(5, _sessions.Count);
        Assert.Equal(HostState.Failed, Last.Status.State); // until live again
        Assert.Equal("Connection to 10.0.0.7 closed by remote host.", Last.Status.Message);
        Assert.Null(Last.Status.RetryAt);
    }

    [Fact]
    public void Only_the_first_attempt_is_connecting_a_retry_stays_unreachable_until_live()
    {
        Assert.Equal(HostState.Connecting, Last.Status.State);
        End(0, "ssh: connect to host db1 port 22: No route to host", 255);
        _time.AdvanceBy(RemoteHostFeed.FirstRetry);

        Assert.Equal(new HostStatus("db1", HostState.Failed, "ssh: connect to host db1 port 22: No route to host"), Last.Status);
        Assert.Equal("db1: ssh: connect to host db1 port 22: No route to host", Core.Presentation.Wording.HostLine(Last.Status, _clock.MonotonicNow));
        _sessions[1].Output.OnNext(StreamLines(Of(Tcp(9000, 500, "LISTEN", Process(100))))[0]);
        Assert.Equal(HostState.Live, Last.Status.State);
    }

    [Fact]
    public void A_host_without_tuiports_says_so()
    {
        End(0, "bash: line 1: tuiports: command not found\n", 127);

        Assert.Equal("bash: line 1: tuiports: command not found (is tuiports installed there? see --remote-command)", Last.Status.Message);
        Assert.True(Last.Status.IsUnreachable);
    }

    [Fact]
    public void Garbage_on_the_stream_marks_the_host_ends_the_session_and_starts_over()
    {
        var lines = StreamLines(Of(Tcp(9000, 500, "LISTEN", Process(100))));
        _sessions[0].Output.OnNext(lines[0]);

        _sessions[0].Output.OnNext("Welcome to db1! Maintenance at 22:00.");

        Assert.Equal(HostState.Garbage, Last.Status.State);
        Assert.Null(Last.Snapshot);
        Assert.StartsWith("sent something that is not tuiports' output (not JSON:", Last.Status.Message, StringComparison.Ordinal);
        Assert.EndsWith("\"Welcome to db1! Maintenance at 22:00.\"", Last.Status.Message, StringComparison.Ordinal);
        _sessions[0].Process.Received(1).Kill();

        _sessions[0].Output.OnNext(lines[0]); // whatever comes after garbage is not trusted
        End(0, string.Empty, 143);
        Assert.Equal(HostState.Garbage, Last.Status.State);
        Assert.NotNull(Last.Status.RetryAt);
        _time.AdvanceBy(RemoteHostFeed.FirstRetry);
        _sessions[1].Output.OnNext(lines[0]);
        Assert.Equal(HostState.Live, Last.Status.State);
    }

    [Fact]
    public void Without_an_ssh_to_run_the_host_is_unreachable_and_says_why()
    {
        var feed = new RemoteHostFeed("db1", new SystemProcessLauncher(new ChildProcesses()), new SshCommand(Ssh: "/nonexistent/ssh"), Filters, _time, _clock);
        var updates = new List<HostSnapshot>();

        using (feed.Updates().Subscribe(updates.Add))
        {
            Assert.Equal(HostState.Failed, updates[^1].Status.State);
            Assert.StartsWith("cannot run /nonexistent/ssh: ", updates[^1].Status.Message, StringComparison.Ordinal);
            Assert.Equal(_clock.MonotonicNow + RemoteHostFeed.FirstRetry, updates[^1].Status.RetryAt);
        }
    }

    [Fact]
    public void Unsubscribing_ends_the_session_and_no_retry_follows()
    {
        End(0, "ssh: Could not resolve hostname db1: Name or service not known", 255);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        _subscription.Dispose();
        _time.AdvanceBy(TimeSpan.FromMinutes(5));

        _sessions[1].Process.Received().Dispose();
        Assert.Equal(2, _sessions.Count);
    }
}
