using System.Runtime.InteropServices;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Snapshots;
using static TuiPorts.Core.Interop.NativeMethods;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports --stream</c>: scans every interval and writes newline-delimited JSON to stdout - the whole snapshot
/// first, then one line per scan whose sockets changed, with only the changes (docs/json-schema.md). Filters are
/// applied here, so only matching sockets are written. When nothing was written for a heartbeat period (2 s), a
/// heartbeat line says it is alive. It runs until stdout's reader goes away: a closed pipe, or the ssh session of a
/// remote view ending, is noticed at once (poll on stdout) or at the latest by the next heartbeat's failed write, and
/// ends it, so nothing is left running.
/// </summary>
public static class StreamCommand
{
    public static int Run(ProcRoot root, SocketQuery query, TimeSpan interval, TextWriter output, TextWriter error) =>
        Run(root, query, interval, Heartbeat.DefaultPeriod, output, error);

    /// <summary>
    /// Scans every <paramref name="interval"/>; when nothing was written for <paramref name="heartbeat"/>, writes a
    /// heartbeat line instead, so the reader can tell a quiet host from a frozen one, and a reader that is gone ends
    /// this within one heartbeat (the write fails).
    /// </summary>
    public static int Run(ProcRoot root, SocketQuery query, TimeSpan interval, TimeSpan heartbeat, TextWriter output, TextWriter error)
    {
        output.Flush();
        var stdout = ProcessStreams.RawStream(output);
        if (stdout is not null)
        {
            WatchForReaderGone();
        }

        var source = new ProcSnapshotSource(root) { Prefilter = query.Ports }; // the kernel filters the dump: only matches are read
        var writer = new SnapshotStreamWriter(stdout ?? Console.OpenStandardOutput());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastScan = TimeSpan.Zero;
        var nextScan = TimeSpan.Zero;
        var nextBeat = heartbeat;
        try
        {
            while (true)
            {
                if (clock.Elapsed >= nextScan)
                {
                    var started = clock.Elapsed;
                    bool wrote = Scan(source, query, writer, error);
                    lastScan = clock.Elapsed - started;
                    nextScan = clock.Elapsed + interval;
                    if (wrote)
                    {
                        nextBeat = clock.Elapsed + heartbeat;
                    }
                }

                if (writer.Started && clock.Elapsed >= nextBeat)
                {
                    writer.WriteHeartbeat(new Heartbeat(DateTimeOffset.Now, lastScan));
                    nextBeat = clock.Elapsed + heartbeat;
                }

                var wait = (nextScan < nextBeat ? nextScan : nextBeat) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }
            }
        }
        catch (IOException)
        {
            return ExitCodes.Ok; // the reader is gone (| head, the ssh session ended): nothing left to say
        }
    }

    /// <summary>One scan, and its line if it has one; false when nothing was written (no change, or the scan failed).</summary>
    private static bool Scan(ProcSnapshotSource source, SocketQuery query, SnapshotStreamWriter writer, TextWriter error)
    {
        Snapshot snapshot;
        try
        {
            snapshot = source.Take();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"tuiports: refresh failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            error.Flush();
            return false;
        }

        var matching = snapshot.Sockets.Where(query.Matches);
        return writer.Write(snapshot, writer.Started ? matching.ToList() : OnceCommand.Ordered(matching)) > 0;
    }

    /// <summary>Exits as soon as stdout reports an error or hang-up: nobody reads the stream any more.</summary>
    private static void WatchForReaderGone()
    {
        var watcher = new Thread(() =>
        {
            var poll = new PollFd { Fd = 1, Events = 0 };
            while (true)
            {
                int ready = Poll(ref poll, 1, -1);
                if (ready > 0 && (poll.Revents & (PollErr | PollHup)) != 0)
                {
                    Exit(ExitCodes.Ok);
                }

                if (ready > 0 || (ready < 0 && Marshal.GetLastPInvokeError() != EINTR))
                {
                    return; // cannot watch (POLLNVAL, an error): a failed write still ends the stream
                }
            }
        })
        { IsBackground = true, Name = "tuiports-stream-watch" };
        watcher.Start();
    }
}
