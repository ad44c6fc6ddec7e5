using TuiPorts.Core.Snapshots;

namespace TuiPorts.Core.Killing;

/// <summary>The sentences a person reads when a kill cannot go ahead (errno turned into words).</summary>
public static class KillMessages
{
    public static string ForOpenError(ProcessInfo process, SignalError error) => error switch
    {
        SignalError.NoSuchProcess =>
            $"pid {process.Pid} ({process.Name}) already exited (or its pid now belongs to another process): nothing sent",
        SignalError.PermissionDenied => PermissionDenied(process),
        _ => $"pid {process.Pid} ({process.Name}): cannot be signalled",
    };

    public static string ForSendError(ProcessInfo process, SignalError error, int signal) => error switch
    {
        SignalError.NoSuchProcess => $"pid {process.Pid} ({process.Name}) already exited: {Signals.Name(signal)} not delivered",
        SignalError.PermissionDenied => PermissionDenied(process),
        _ => $"pid {process.Pid} ({process.Name}): sending {Signals.Name(signal)} failed",
    };

    public static string PermissionDenied(ProcessInfo process) =>
        $"permission denied: pid {process.Pid} belongs to {process.User} — run tuiports with sudo";
}
