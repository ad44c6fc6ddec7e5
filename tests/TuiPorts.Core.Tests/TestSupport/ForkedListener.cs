using System.Diagnostics;
using System.Globalization;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>
/// A perl process that listens on 127.0.0.1 and forks, so two processes hold the same listening socket (what
/// pre-fork servers like nginx do). Both live at most <c>lifetimeSeconds</c>; Dispose kills them by pid.
/// </summary>
public sealed class ForkedListener : IDisposable
{
    private const string Script =
        "$|=1; use IO::Socket::INET; my $s = IO::Socket::INET->new(Listen => 5, LocalAddr => '127.0.0.1', LocalPort => 0, Proto => 'tcp') or die $!;"
        + " print $s->sockport, \"\\n\"; my $child = fork(); if ($child == 0) { sleep $ARGV[0]; exit 0 }"
        + " print \"$child\\n\"; sleep $ARGV[0]; kill 'KILL', $child;";

    private readonly Process _parent;

    public ForkedListener(int lifetimeSeconds = 60)
    {
        var start = new ProcessStartInfo("perl", ["-e", Script, lifetimeSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _parent = Process.Start(start) ?? throw new InvalidOperationException("perl did not start");
        Port = int.Parse(_parent.StandardOutput.ReadLine() ?? throw new InvalidOperationException("no port"), CultureInfo.InvariantCulture);
        ChildPid = int.Parse(_parent.StandardOutput.ReadLine() ?? throw new InvalidOperationException("no child"), CultureInfo.InvariantCulture);
    }

    public int Port { get; }

    public int ParentPid => _parent.Id;

    public int ChildPid { get; }

    public void Dispose()
    {
        try
        {
            Process.GetProcessById(ChildPid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
        }

        try
        {
            _parent.Kill();
            _parent.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _parent.Dispose();
    }
}
