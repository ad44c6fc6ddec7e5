using TuiPorts.Core.Filtering;
using TuiPorts.Core.Output;
using TuiPorts.Core.Presentation;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Snapshots;

namespace TuiPorts.Cli;

/// <summary><c>tuiports --once [--json]</c>: one snapshot, printed, exit 0.</summary>
public static class OnceCommand
{
    public static int Run(ProcRoot root, SocketQuery query, bool json, TextWriter output, TextWriter error)
    {
        var snapshot = new ProcSnapshotSource(root).Take();
        var sockets = Ordered(snapshot.Sockets.Where(query.Matches));
        if (json)
        {
            output.Flush();
            if (ProcessStreams.RawStream(output) is { } stdout)
            {
                SnapshotJsonWriter.Write(stdout, snapshot, sockets);
                stdout.Write("\n"u8);
            }
            else
            {
                using var buffer = new MemoryStream();
                SnapshotJsonWriter.Write(buffer, snapshot, sockets);
                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }
        else
        {
            // cut the command column to the terminal's width on a tty; whole when piped (no control sequences either way)
            int? width = ProcessStreams.TerminalWidth(output);
            SnapshotTableWriter.Write(output, snapshot, sockets, width);
            foreach (string warning in Wording.Warnings(snapshot))
            {
                error.WriteLine($"tuiports: warning: {warning}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The order <c>--once</c> prints sockets in: by protocol, then as the UI sorts by port.</summary>
    public static List<SocketEntry> Ordered(IEnumerable<SocketEntry> sockets) =>
        sockets.OrderBy(s => s.Protocol).ThenBy(s => s, Comparer<SocketEntry>.Create(TuiPorts.Core.Presentation.SortOrder.Default.Compare)).ToList();
}
