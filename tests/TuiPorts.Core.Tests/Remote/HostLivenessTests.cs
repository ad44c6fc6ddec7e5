using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Text;
using NSubstitute;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>
/// A host that stops talking, on virtual time: stale after 5 s without a line (heartbeats count), live again with its
/// next line; floods and invalid values end the session as a host error, and do not reset the backoff.
/// </summary>
public sealed class HostLivenessTests : IDisposable
{
    private readonly HistoricalScheduler _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly IProcessLauncher _launcher = Substitute.For<IProcessLauncher>();
    private readonly List<(IRemoteProcess Process, Subject<string> Output)> _sessions = [];
    private readonly List<HostSnapshot> _updates = [];
    private readonly VirtualClock _clock;
    private readonly IDisposable _subscription;
    private readonly string _snapshot = Lines(Of(Tcp(9000, 500, "LISTEN", Process(100))))[0];

    public HostLivenessTests()
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
        var feed = new RemoteHostFeed("h5", _launcher, new SshCommand(), RemoteArguments.Stream(TimeSpan.FromSeconds(1), []), _time, _clock);
        _subscription = feed.Updates().Subscribe(_updates.Add);
    }

    public void Dispose() => _subscription.Dispose();

    private HostSnapshot Last => _updates[^1];

    private static string[] Lines(params Snapshot[] snapshots)
    {
        using var wire = new MemoryStream();
        var writer = new SnapshotStreamWriter(wire);
        foreach (var snapshot in snapshots)
        {
            writer.Write(snapshot, snapshot.Sockets);
        }

        return Encoding.UTF8.GetString(wire.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Beat(DateTimeOffset at)
    {
        using var wire = new MemoryStream();
        new SnapshotStreamWriter(wire).WriteHeartbeat(new Heartbeat(at, TimeSpan.FromMilliseconds(4)));
        return Encoding.UTF8.GetString(wire.ToArray()).TrimEnd('\n');
    }

    [Fact]
    public void Heartbeats_keep_a_quiet_host_live_without_an_update_each()
    {
        _sessions[0].Output.OnNext(_snapshot);
        int updates = _updates.Count;
        for (int i = 0; i < 30; i++)
        {
            _time.AdvanceBy(TimeSpan.FromSeconds(2));
            _sessions[0].Output.OnNext(Beat(_time.Now.AddMilliseconds(-30)));
        }

        Assert.Equal(HostState.Live, Last.Status.State);
        Assert.Equal(updates, _updates.Count); // a heartbeat changes nothing on screen
    }

    [Fact]
    public void A_host_silent_for_5_s_is_stale_with_its_rows_kept_and_live_again_with_its_next_line()
    {
        _sessions[0].Output.OnNext(_snapshot);
        var lastData = _time.Now;
        _time.AdvanceBy(TimeSpan.FromSeconds(2));
        _sessions[0].Output.OnNext(Beat(_time.Now));
        var lastLine = _clock.MonotonicNow;

        _time.AdvanceBy(TimeSpan.FromSeconds(4.9));
        Assert.Equal(HostState.Live, Last.Status.State);
        _time.AdvanceBy(TimeSpan.FromSeconds(0.1));

        Assert.Equal(HostState.Stale, Last.Status.State);
        Assert.Equal([9000], Last.Snapshot!.Sockets.Select(s => s.LocalPort)); // shown, dimmed: not dropped
        Assert.Equal(lastLine, Last.Status.LastLine);
        Assert.Equal(lastData, Last.Status.LastData);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal($"h5: no answer for 6 s (last data {Formats.ClockTime(lastData)})", Wording.HostLine(Last.Status, _clock.MonotonicNow));
        Assert.Equal("1 host (1 stale)", Wording.HostCount([Last.Status]));

        _sessions[0].Output.OnNext(Beat(_time.Now)); // SIGCONT: it speaks again
        Assert.Equal(HostState.Live, Last.Status.State);
        Assert.NotNull(Last.Snapshot);
        _sessions[0].Process.DidNotReceive().Kill(); // a frozen host is waited for, not dropped
    }

    [Fact]
    public void A_host_that_never_sent_its_snapshot_is_connecting_never_stale()
    {
        _time.AdvanceBy(TimeSpan.FromSeconds(20));

        Assert.Equal(HostState.Connecting, Last.Status.State);
    }

    [Fact]
    public void A_flood_of_valid_lines_is_a_host_error_and_the_session_ends()
    {
        _sessions[0].Output.OnNext(_snapshot);
        for (int i = 0; i < HostBudget.LineBurst + 5; i++)
        {
            _sessions[0].Output.OnNext(Beat(_time.Now)); // all in the same instant
        }

        Assert.Equal(HostState.Failed, Last.Status.State);
        Assert.Equal("sent more than 20 lines a second (a flood, not a stream)", Last.Status.Message);
        _sessions[0].Process.Received(1).Kill();
    }

    [Fact]
    public void A_host_flooding_bytes_in_valid_lines_is_a_host_error_and_its_session_is_ended()
    {
        _sessions[0].Output.OnNext(_snapshot);
        string padded = Beat(_time.Now) + new string(' ', 2 << 20); // a valid heartbeat line of 2 MiB

        for (int i = 0; i < 100 && Last.Status.State == HostState.Live; i++)
        {
            _time.AdvanceBy(TimeSpan.FromMilliseconds(100)); // 10 lines, 20 MiB a second: within the line budget
            _sessions[0].Output.OnNext(padded);
        }

        Assert.Equal(HostState.Failed, Last.Status.State);
        Assert.Equal("sent more than 4 MiB a second (a flood, not a stream)", Last.Status.Message);
        Assert.Null(Last.Snapshot); // a flooding host's rows are not shown as if live
        _sessions[0].Process.Received(1).Kill();
        _sessions[0].Output.OnCompleted();
        Assert.Equal("sent more than 4 MiB a second (a flood, not a stream)", Last.Status.Message); // not ssh's words about the kill
        Assert.Equal(_clock.MonotonicNow + RemoteHostFeed.FirstRetry, Last.Status.RetryAt);
    }

    [Fact]
    public void An_invalid_value_is_a_host_error_quoting_it_and_a_good_first_line_does_not_reset_the_backoff()
    {
        string badPort = _snapshot.Replace("\"localPort\":9000", "\"localPort\":-5", StringComparison.Ordinal);
        for (int session = 0; session < 4; session++)
        {
            _sessions[session].Output.OnNext(_snapshot);
            Assert.Equal(HostState.Live, Last.Status.State);
            _sessions[session].Output.OnNext(badPort);
            Assert.Equal(HostState.Garbage, Last.Status.State);
            Assert.Contains("\"localPort\" is out of range: -5", Last.Status.Message, StringComparison.Ordinal);
            _sessions[session].Output.OnCompleted();
            Assert.Equal(_clock.MonotonicNow + TimeSpan.FromSeconds(1 << session), Last.Status.RetryAt); // 1, 2, 4, 8 s
            _time.AdvanceBy(TimeSpan.FromSeconds(1 << session));
        }
    }

    [Fact]
    public void A_line_over_the_cap_is_a_host_error_with_the_cap()
    {
        _sessions[0].Output.OnError(new LineTooLongException(BoundedLineReader.LineCap));

        Assert.Equal(HostState.Failed, Last.Status.State);
        Assert.Equal("sent a line over 16 MiB", Last.Status.Message);
        Assert.NotNull(Last.Status.RetryAt);
    }
}
