using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reactive.Linq;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Live;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports soak</c>: runs the live pipeline (the same poller, scheduler and engine as the UI) for N refreshes and
/// reports crashes, refresh errors thrown vs delivered, p50/p99 refresh time, peak RSS and this process's own fd count
/// before and after - pidfds included, since every refresh also pins (and releases) a holder the way K does.
/// </summary>
public sealed class SoakCommand
{
    private readonly Option<int> _refreshes = new("--refreshes") { Description = "Refreshes to run (default 300).", DefaultValueFactory = _ => 300 };
    private readonly Option<string> _interval = new("--interval") { Description = "Seconds between refreshes (default 0.2).", DefaultValueFactory = _ => "0.2" };

    public Command Build(QueryOptions query, TextWriter output, TextWriter error)
    {
        var command = new Command("soak", "Run the live refresh pipeline N times and report errors, latency percentiles, memory and fd leaks.") { _refreshes, _interval };
        command.Options.Add(query.ProcRoot);
        command.SetAction(result =>
        {
            int n = result.GetValue(_refreshes);
            if (n is < 1 or > 1_000_000 || !Seconds.TryParse(result.GetValue(_interval), 0.01, 60, out var interval))
            {
                return CommandLineInterface.UsageError(error, "soak: --refreshes must be 1-1000000 and --interval 0.01-60 seconds");
            }

            output.WriteLine(Run(query.ProcRootOf(result), n, interval));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Run(ProcRoot root, int refreshes, TimeSpan interval)
    {
        int fdsAtStart = OwnFdCount();
        var source = new CountingSource(new ProcSnapshotSource(root));
        var sender = new PidfdSignalSender(root);
        int snapshotsDelivered = 0;
        int errorsDelivered = 0;
        int pinned = 0;
        int fdsAfterFirstRefresh = -1;
        using var done = new ManualResetEventSlim();
        using var scans = new QuietEventLoopScheduler("tuiports-soak");
        var started = Stopwatch.StartNew();
        using (new SnapshotPoller(source, scans, interval).Results().Subscribe(result =>
        {
            snapshotsDelivered += result.Snapshot is null ? 0 : 1; // counted, not kept: the harness must not be the leak
            errorsDelivered += result.Failure is null ? 0 : 1;
            if (fdsAfterFirstRefresh < 0)
            {
                fdsAfterFirstRefresh = OwnFdCount(); // the pipeline's own threads and handles now exist
            }

            if (result.Snapshot?.Sockets.FirstOrDefault(s => s.Holders.Count > 0) is { } socket)
            {
                using var handle = sender.Open(socket.Holders[0].Pid, socket.Holders[0].Process.StartTimeTicks, out _);
                pinned += handle is null ? 0 : 1;
            }

            if (source.Scans >= refreshes)
            {
                done.Set();
            }
        }))
        {
            while (!done.Wait(TimeSpan.FromSeconds(1)) && source.Scans < refreshes)
            {
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = source.ScanTimes.Order().ToList();
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            string.Create(c, $"refreshes {source.Scans} in {started.Elapsed.TotalSeconds:0.0} s; snapshots delivered {snapshotsDelivered} (identical ones skipped)"),
            $"crashes 0 (the process is still here); refresh errors thrown {source.Errors}, delivered to the UI {errorsDelivered} (consecutive identical errors are shown once)",
            string.Create(c, $"refresh time p50 {Percentile(times, 0.50):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms, max {times.LastOrDefault():0.0} ms"),
            $"peak RSS {PeakRssMiB()} MiB; own fds before the pipeline {fdsAtStart}, after its first refresh {fdsAfterFirstRefresh}, at the end {OwnFdCount()}; pidfds opened and closed {pinned}",
            $"last scan: {source.LastSockets} sockets, {source.LastProcesses} processes");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>This process's own fds and memory: always the kernel's procfs, whatever --proc-root says.</summary>
    private static readonly ProcRoot Self = ProcRoot.Default;

    private static int OwnFdCount()
    {
        var fds = new List<int>();
        _ = FdTableReader.ListNumbers(Self.SelfFile("fd"), fds);
        return fds.Count - 1; // the directory handle used to list them
    }

    private static string PeakRssMiB()
    {
        string status = ProcRoot.TryReadText(Self.SelfFile("status")) ?? string.Empty;
        string? line = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "?" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Wraps the engine to count scans, exceptions and times, so nothing the pipeline does goes unseen.</summary>
    private sealed class CountingSource(ISnapshotSource inner) : ISnapshotSource
    {
        private int _scans;

        public int Scans => Volatile.Read(ref _scans);

        public int Errors { get; private set; }

        public List<double> ScanTimes { get; } = [];

        public int LastSockets { get; private set; }

        public int LastProcesses { get; private set; }

        public Snapshot Take()
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                var snapshot = inner.Take();
                LastSockets = snapshot.Sockets.Count;
                LastProcesses = snapshot.Stats.Processes;
                return snapshot;
            }
            catch
            {
                Errors++;
                throw;
            }
            finally
            {
                ScanTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref _scans);
            }
        }
    }
}
