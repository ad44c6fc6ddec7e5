using System.Globalization;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Remote;

/// <summary>What the remote tuiports is asked to do, whatever carries the request there (<see cref="IRemoteShell"/>).</summary>
public static class RemoteArguments
{
    /// <summary><c>--stream --interval S</c> and the command line's filters, which the remote side applies.</summary>
    public static IReadOnlyList<string> Stream(TimeSpan interval, IReadOnlyList<string> filters) =>
        ["--stream", "--interval", interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), .. filters];

    /// <summary><c>--once --json</c> and the filters.</summary>
    public static IReadOnlyList<string> Once(IReadOnlyList<string> filters) => ["--once", "--json", .. filters];

    /// <summary><c>kill --pid P --start-time T --yes --signal S</c> (and <c>--kill-after</c> when asked): pinned to one process.</summary>
    public static IReadOnlyList<string> Kill(ProcessInfo process, DateTime startTimeUtc, KillRequest request)
    {
        var arguments = new List<string>
        {
            "kill", "--pid", process.Pid.ToString(CultureInfo.InvariantCulture), "--start-time", Formats.StartTimeUtc(startTimeUtc),
            "--yes", "--signal", Signals.Name(request.Signal)[3..],
        };
        if (request.KillAfter is { } killAfter && request.Signal != Signals.SIGKILL)
        {
            arguments.AddRange(["--kill-after", killAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        if (request.Timeout is { } timeout)
        {
            arguments.AddRange(["--timeout", timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }
}
