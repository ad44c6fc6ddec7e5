using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TuiPorts.Tests.TestSupport;

/// <summary>
/// Real servers for the kill tests, written in a few lines of perl and bound to 127.0.0.1: each prints its port (and
/// the pids that matter) once it is ready, lives at most a minute, and is killed by pid on Dispose.
/// </summary>
public sealed class PerlServer : IDisposable
{
    private const string Listen =
        // the dispositions the tests read back: whatever the runner inherited (nohup ignores HUP, a background job INT)
        "$|=1; use IO::Socket::INET; use POSIX (); $SIG{$_} = 'DEFAULT' for qw(HUP INT QUIT TERM USR1 USR2);"
        + " sub bind_on { IO::Socket::INET->new(Listen => 128, LocalAddr => '127.0.0.1', LocalPort => $_[0], Proto => 'tcp', ReuseAddr => 1) or die \"listen: $!\" }"
        + " sub others_on { my $h = sprintf(':%04X', $_[0]); my $n = -1; for my $f (qw(/proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6)) {"
        + " open(my $fh, '<', $f) or next; while (my $l = <$fh>) { my @c = split(' ', $l); $n++ if defined $c[1] && substr($c[1], -5) eq $h } } $n }"
        // a port no other socket of the machine uses on any address: `kill PORT` would rightly count that one's holder too
        + " sub listener { return bind_on($_[0]) if $_[0]; for (1..50) { my $s = bind_on(0); return $s if others_on($s->sockport) <= 0; close $s } die 'no port free everywhere' }";

    /// <summary>One process listening, nothing else.</summary>
    public const string Plain = Listen + " my $s = listener(0); print $s->sockport, \"\\n\"; sleep 60;";

    /// <summary>A pre-fork server: the master listens and forks 3 workers; on SIGTERM it stops them and exits.</summary>
    public const string PreFork = Listen
        + " my $s = listener(0); my @kids;"
        + " for (1..3) { my $k = fork(); if ($k == 0) { $SIG{TERM} = 'DEFAULT'; sleep 60; exit 0 } push @kids, $k }"
        + " $SIG{TERM} = sub { kill 'TERM', @kids; waitpid($_, 0) for @kids; exit 0 };"
        + " print $s->sockport, \" @kids\\n\"; sleep 60; kill 'KILL', @kids;";

    /// <summary>A parent whose detached child keeps the listening socket after the parent dies (a leak).</summary>
    public const string LeakedChild = Listen
        + " my $s = listener(0); my $k = fork(); if ($k == 0) { POSIX::setsid(); $SIG{TERM} = 'DEFAULT'; sleep 60; exit 0 }"
        + " print $s->sockport, \" $k\\n\"; sleep 60;";

    /// <summary>A supervisor (not holding the port) that restarts its server child whenever it exits.</summary>
    public const string Supervisor = Listen
        + " my $port = $ARGV[0]; my $first = 1;"
        + " while (1) { my $k = fork(); if ($k == 0) { my $s = listener($port); print \"$port $$\\n\" if $first; sleep 60; exit 0 }"
        + " $first = 0; waitpid($k, 0); select(undef, undef, undef, 0.2) }";

    /// <summary>A listener that ignores SIGTERM (a server busy shutting down gracefully).</summary>
    public const string IgnoresTerm = Listen
        + " my $s = listener(0); $SIG{TERM} = 'IGNORE'; print $s->sockport, \"\\n\"; sleep 60;";

    private readonly Process _process;

    public PerlServer(string script)
    {
        int freePort = FreePort();
        var start = new ProcessStartInfo("perl", ["-e", script, freePort.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("perl did not start");
        string[] ready = (_process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("perl said nothing"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Port = int.Parse(ready[0], CultureInfo.InvariantCulture);
        OtherPids = ready.Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
    }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The perl process this test started.</summary>
    public int Pid => _process.Id;

    /// <summary>The workers, the leaked child, or the supervised server - whatever the script printed after the port.</summary>
    public IReadOnlyList<int> OtherPids { get; }

    public static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    public static bool Listening(int port) =>
        File.ReadAllText("/proc/net/tcp").Contains($":{port:X4} 00000000:0000 0A", StringComparison.Ordinal);

    public void Dispose()
    {
        foreach (int pid in OtherPids.Append(Pid))
        {
            try
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone
            }
        }

        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
