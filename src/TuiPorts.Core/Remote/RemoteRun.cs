using System.Reactive.Linq;

namespace TuiPorts.Core.Remote;

/// <summary>What a finished remote command printed (stdout, then stderr), and how it ended (null: it did not end in time).</summary>
public sealed record RemoteRunResult(IReadOnlyList<string> Output, IReadOnlyList<string> Errors, int? ExitCode)
{
    /// <summary>Every non-empty line, stdout first.</summary>
    public IReadOnlyList<string> Lines => Output.Concat(Errors).Where(l => l.Trim().Length > 0).ToList();
}

/// <summary>Runs one command to its end through ssh and collects what it printed: <c>--once</c> and K on a remote row.</summary>
public static class RemoteRun
{
    public static RemoteRunResult Run(IProcessLauncher launcher, IRemoteShell shell, string host, IEnumerable<string> remoteArguments, TimeSpan timeout)
    {
        using var process = launcher.Start(shell.Program, shell.For(host, remoteArguments));
        var lines = new List<string>();
        try
        {
            process.Output.Do(line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }).LastOrDefaultAsync().Timeout(timeout).Wait();
        }
        catch (TimeoutException)
        {
            process.Kill();
            lock (lines)
            {
                return new RemoteRunResult([.. lines], [$"no answer from {host} within {Presentation.Formats.Seconds(timeout)}"], null);
            }
        }
        catch (IOException e)
        {
            return new RemoteRunResult(lines, [e.Message], null); // a read error (a line over the cap) is a failure whatever the exit code
        }

        return new RemoteRunResult(lines, process.ErrorText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList(), process.ExitCode);
    }
}
