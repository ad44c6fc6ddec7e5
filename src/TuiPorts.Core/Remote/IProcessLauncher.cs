namespace TuiPorts.Core.Remote;

/// <summary>Starts child processes (ssh); the seam the several-host view is tested through, with fakes on virtual time.</summary>
public interface IProcessLauncher
{
    /// <summary>Starts <paramref name="file"/> with these arguments (no shell), stdin an open pipe, stdout and stderr read.</summary>
    IRemoteProcess Start(string file, IReadOnlyList<string> arguments);
}

/// <summary>A started child process: its output as lines, what it said on stderr, how it ended, and a way to end it.</summary>
public interface IRemoteProcess : IDisposable
{
    int Id { get; }

    /// <summary>
    /// Stdout, line by line, on the reading thread. Completes once stdout is closed and the process has exited, so
    /// <see cref="ExitCode"/> and <see cref="ErrorText"/> are final by then. One subscriber; reading starts with it.
    /// </summary>
    IObservable<string> Output { get; }

    /// <summary>What the process wrote on stderr so far (the last few kilobytes).</summary>
    string ErrorText { get; }

    /// <summary>Null while it runs.</summary>
    int? ExitCode { get; }

    /// <summary>Ends it (SIGTERM, then SIGKILL if it lingers); the output then completes.</summary>
    void Kill();
}
