using System.Runtime.InteropServices;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Interop.NativeMethods;
using TuiPorts.Hosting;
using TuiPorts.Core.Wire;

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
    /// <summary>
    /// Scans every refresh interval through the live pipeline (<see cref="SnapshotPoller"/>, as the UI does); when
    /// nothing was written for a heartbeat period, writes a heartbeat line instead, so the reader can tell
    /// a quiet host from a frozen one, and a reader that is gone ends this within one heartbeat (the write fails).
    /// </summary>
    public static int Run(ProcRoot root, SocketQuery query, RefreshSettings refresh, TextWriter output, TextWriter error)
    {
        output.Flush();
        var stdout = ProcessStreams.RawStream(output);
        if (stdout is not null)
        {
            WatchForReaderGone();
        }

        var source = new ProcSnapshotSource(root, fullRescanPeriod: refresh.FullRescanPeriod) { Prefilter = query.Ports }; // the kernel filters the dump: only matches are read
        using var scans = new QuietEventLoopScheduler("tuiports-stream");
        var publisher = new StreamPublisher(
            new SnapshotPoller(source, scans, refresh.Interval), query, new SnapshotStreamWriter(stdout ?? Console.OpenStandardOutput()), scans, refresh.Heartbeat,
            sockets => OnceCommand.Ordered(sockets));
        publisher.ScanFailed += reason =>
        {
            error.WriteLine($"tuiports: {TerminalText.Sanitize(reason)}");
            error.Flush();
        };
        using var readerGone = new ManualResetEventSlim();
        using (publisher.Start(readerGone.Set))
        {
            readerGone.Wait();
        }

        return ExitCodes.Ok; // the reader is gone (| head, the ssh session ended): nothing left to say
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
