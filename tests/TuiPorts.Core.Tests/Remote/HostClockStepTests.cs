using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Text;
using NSubstitute;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>
/// A remote host's durations - silence until stale, the retry countdown, the flood budget, bytes/s - are measured on
/// the monotonic clock: an NTP step or <c>date -s</c> (back or forward an hour) changes none of them; only the dates
/// shown ("last data 12:01:07") follow the wall clock. Virtual time: the scheduler's clock is the monotonic one.
/// </summary>
public sealed class HostClockStepTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly HistoricalScheduler _time = new(Noon);
    private readonly VirtualClock _clock;
    private readonly IProcessLauncher _launcher = Substitute.For<IProcessLauncher>();
    private readonly List<(IRemoteProcess Process, Subject<string> Output)> _sessions = [];
    private readonly List<HostSnapshot> _updates = [];
    private readonly ScreenState _screen;
    private readonly IDisposable _subscription;
    private readonly string _snapshot = Lines(Of(Tcp(9000, 500, "LISTEN", Process(100))))[0];

    public HostClockStepTests()
    {
        _clock = new VirtualClock(_time);
        _launcher.Start("ssh", Arg.Any<IReadOnlyList<string>>()).Returns(_ =>
        {
            var output = new Subject<string>();
            var process = Substitute.For<IRemoteProcess>();
            process.Output.Returns(output);
            process.ErrorText.Returns("ssh: connect to host h5 port 22: Connection refused\n");
            process.ExitCode.Returns((int?)255);
            _sessions.Add((process, output));
            return process;
        });
        _screen = new ScreenState(SocketQuery.All, ServicesFile.Empty, _clock, new ScreenOptions(TimeSpan.FromSeconds(1), false, true));
        var feed = new RemoteHostFeed("h5", _launcher, new SshCommand(), RemoteArguments.Stream(TimeSpan.FromSeconds(1), []), _time, _clock);
        _subscription = feed.Updates().Subscribe(_updates.Add);
    }

    public void Dispose() => _subscription.Dispose();

    private HostSnapshot Last => _updates[^1];

    private IReadOnlyList<string> ScreenHostLines()
    {
        _screen.Apply(HostsView.Combine([Last]));
        return _screen.HostLines;
    }

    private static string[] Lines(params TuiPorts.Core.Model.Snapshot[] snapshots)
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
    public void A_wall_clock_set_back_an_hour_neither_delays_the_stale_mark_nor_stretches_the_silence()
    {
        _sessions[0].Output.OnNext(_snapshot); // its data arrives at 12:00:00
        _clock.StepWallClock(TimeSpan.FromHours(-1));

        _time.AdvanceBy(TimeSpan.FromSeconds(4.9));
        Assert.Equal(HostState.Live, Last.Status.State);
        _time.AdvanceBy(TimeSpan.FromSeconds(0.1));
        Assert.Equal(HostState.Stale, Last.Status.State);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal([$"h5: no answer for 6 s (last data {Formats.ClockTime(Noon)})"], ScreenHostLines());
        Assert.Contains("stale 6 s", HostList.Lines(_screen.Hosts, _screen.HostClock)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_wall_clock_set_forward_an_hour_does_not_make_a_live_host_stale()
    {
        _sessions[0].Output.OnNext(_snapshot);
        _time.AdvanceBy(TimeSpan.FromSeconds(1));
        _clock.StepWallClock(TimeSpan.FromHours(1));
        _sessions[0].Output.OnNext(Beat(_clock.GetUtcNow()));
        _time.AdvanceBy(TimeSpan.FromSeconds(4.9));

        Assert.Equal(HostState.Live, Last.Status.State);
        _sessions[0].Output.OnNext(_snapshot.Replace("9000", "9001", StringComparison.Ordinal)); // data again, after the step
        Assert.Equal(Noon.AddHours(1).AddSeconds(5.9), Last.Status.LastData); // the date shown follows the wall clock
    }

    [Fact]
    public void The_retry_countdown_counts_real_seconds_whichever_way_the_wall_clock_is_set()
    {
        _sessions[0].Output.OnCompleted(); // refused: retry in 1 s
        _time.AdvanceBy(RemoteHostFeed.FirstRetry);
        _sessions[1].Output.OnCompleted(); // refused again: retry in 2 s
        Assert.Equal(["h5: ssh: connect to host h5 port 22: Connection refused; retrying in 2 s"], ScreenHostLines());

        _clock.StepWallClock(TimeSpan.FromHours(-1));
        Assert.Equal(["h5: ssh: connect to host h5 port 22: Connection refused; retrying in 2 s"], ScreenHostLines());
        _clock.StepWallClock(TimeSpan.FromHours(3));
        _time.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(["h5: ssh: connect to host h5 port 22: Connection refused; retrying in 1 s"], ScreenHostLines());
        Assert.Contains("down, retry in 1 s", HostList.Lines(_screen.Hosts, _screen.HostClock)[1], StringComparison.Ordinal);

        _time.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(3, _sessions.Count); // the retry started on time
    }

    [Fact]
    public void A_wall_clock_set_forward_does_not_refill_the_flood_budget()
    {
        _sessions[0].Output.OnNext(_snapshot);
        for (int i = 0; i < HostBudget.LineBurst + 5 && Last.Status.State == HostState.Live; i++)
        {
            _clock.StepWallClock(TimeSpan.FromHours(1)); // each line "an hour" after the last, by the wall clock
            _sessions[0].Output.OnNext(Beat(_clock.GetUtcNow()));
        }

        Assert.Equal(HostState.Failed, Last.Status.State);
        Assert.Equal("sent more than 20 lines a second (a flood, not a stream)", Last.Status.Message);
    }

    [Fact]
    public void Bytes_per_second_are_over_the_real_seconds_of_the_session()
    {
        _sessions[0].Output.OnNext(_snapshot);
        _time.AdvanceBy(TimeSpan.FromSeconds(2));
        string beat = Beat(_clock.GetUtcNow());
        _sessions[0].Output.OnNext(beat);
        _clock.StepWallClock(TimeSpan.FromHours(-1));

        double expected = (_snapshot.Length + 1 + beat.Length + 1) / 2.0;
        _screen.Apply(HostsView.Combine([Last]));
        Assert.EndsWith(" " + Math.Round(expected).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), HostList.Lines(_screen.Hosts, _screen.HostClock)[1], StringComparison.Ordinal);
    }
}
