using TuiPorts.Core.Filtering;
using TuiPorts.Core.Wire;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary><c>tuiports --once [--json]</c>: one snapshot, printed, exit 0.</summary>
public static class OnceCommand
{
    /// <param name="pretty">Indent the JSON; by default it is indented only on a terminal (compact for pipes).</param>
    public static int Run(ProcRoot root, SocketQuery query, bool json, TextWriter output, TextWriter error, bool pretty = false)
    {
        if (json && query.ReadsOnlySocketFields && new OnceSource(root).Take(query.Ports) is { } picture)
        {
            // no snapshot: each socket's JSON is made from its compact form at write time (docs/performance.md)
            WriteJson(output, stream => OnceJsonWriter.Write(stream, picture, query, Indented(output, pretty)));
            return ExitCodes.Ok;
        }

        // only the sockets asked for are read (the kernel filters the dump); the exact query still decides below
        var snapshot = new ProcSnapshotSource(root) { Prefilter = query.Ports, ReusesEntries = false }.Take();
        var sockets = Ordered(snapshot.Sockets.Where(query.Matches), snapshot.Sockets.Count);
        if (json)
        {
            WriteJson(output, stream => SnapshotJsonWriter.Write(stream, snapshot, sockets, Indented(output, pretty)));
        }
        else
        {
            // cut the command column to the terminal's width on a tty; whole when piped (no control sequences either way)
            int? width = ProcessStreams.TerminalWidth(output);
            SnapshotTableWriter.Write(output, snapshot, sockets, width);
            foreach (string warning in Wording.Warnings(snapshot))
            {
                error.WriteLine($"tuiports: warning: {TerminalText.Sanitize(warning)}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Indented for people (on a terminal, or asked for); compact for pipes.</summary>
    private static bool Indented(TextWriter output, bool pretty) => pretty || ProcessStreams.TerminalWidth(output) is not null;

    /// <summary>The document and a newline, straight to stdout (or through the writer in tests).</summary>
    private static void WriteJson(TextWriter output, Action<Stream> write)
    {
        output.Flush();
        if (ProcessStreams.RawStream(output) is { } stdout)
        {
            // straight to the fd: the JSON writer already writes in chunks of a few dozen sockets (a buffer between
            // them only copied each chunk once more, its 64 KB on top)
            write(stdout);
            stdout.Write("\n"u8);
        }
        else
        {
            using var buffer = new MemoryStream();
            write(buffer);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    /// <summary>
    /// The order <c>--once</c> prints sockets in: by protocol, then as the UI sorts by port; sockets equal in both keep
    /// the order they came in (a stable sort, as LINQ's <c>OrderBy</c> was, without its copies of every element and key).
    /// </summary>
    /// <param name="capacity">How many sockets at most (a filter's input): no list grows when given.</param>
    public static List<SocketEntry> Ordered(IEnumerable<SocketEntry> sockets, int capacity = 0)
    {
        var numbered = new List<(SocketEntry Socket, int Index)>(sockets.TryGetNonEnumeratedCount(out int count) ? count : capacity);
        foreach (var socket in sockets)
        {
            numbered.Add((socket, numbered.Count));
        }

        var byPort = TuiPorts.Core.Presentation.SortOrder.Default;
        numbered.Sort((x, y) =>
        {
            int c = ((int)x.Socket.Protocol).CompareTo((int)y.Socket.Protocol); // as ints: Enum.CompareTo(object) boxes
            c = c != 0 ? c : byPort.Compare(x.Socket, y.Socket);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        });
        var ordered = new List<SocketEntry>(numbered.Count);
        foreach (var (socket, _) in numbered)
        {
            ordered.Add(socket);
        }

        return ordered;
    }
}
