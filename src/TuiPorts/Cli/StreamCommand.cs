using System.Runtime.InteropServices;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Snapshots;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Cli;

/// <summary>
/// <c>tuiports --stream</c>: scans every interval and writes newline-delimited JSON to stdout - the whole snapshot
/// first, then one line per scan whose sockets changed, with only the changes (docs/json-schema.md). Filters are
/// applied here, so only matching sockets are written. It runs until stdout's reader goes away: a closed pipe, or the
/// ssh session of a remote view ending, is noticed at once (poll on stdout) and ends it, so nothing is left running.
/// </summary>
public static class StreamCommand
{
    public static int Run(ProcRoot root, SocketQuery query, TimeSpan interval, TextWriter output, TextWriter error)
    {
        output.Flush();
        var stdout = ProcessStreams.RawStream(output);
        if (stdout is not null)
        {
            WatchForReaderGone();
        }

        var source = new ProcSnapshotSource(root) { Prefilter = query.Ports }; // the kernel filters the dump: only matches are read
        var writer = new SnapshotStreamWriter(stdout ?? Console.OpenStandardOutput());
        while (true)
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
                Thread.Sleep(interval);
                continue;
            }

            var matching = snapshot.Sockets.Where(query.Matches);
            try
            {
                writer.Write(snapshot, writer.Started ? matching.ToList() : OnceCommand.Ordered(matching));
            }
            catch (IOException)
            {
                return ExitCodes.Ok; // the reader is gone (| head, the ssh session ended): nothing left to say
            }

            Thread.Sleep(interval);
        }
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
