using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TuiPorts.Tests.TestSupport;

/// <summary>
/// Two "hosts" reachable through real OpenSSH: sshd instances on loopback ports of this machine, each started here with
/// a generated config (its own host key, root's key authorized, no PAM), and an ssh_config naming them <c>hosta</c> and
/// <c>hostb</c>; <c>hostc</c> points at a closed port (unreachable). Both sshd tell their sessions which host they are
/// (<c>SetEnv</c>), and <see cref="RemoteCommand"/> is a wrapper that runs this build of tuiports narrowed to that host's
/// own listener port, so the two hosts show different sockets although they are one machine. Killed by pid on Dispose.
/// </summary>
public sealed class SshHosts : IDisposable
{
    private readonly List<Process> _daemons = [];

    public SshHosts(int portA, int portB)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tuiports-ssh-").FullName;
        System.IO.Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation directory (made by systemd normally)
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", PathOf("host_key"));
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", PathOf("client_key"));
        File.Copy(PathOf("client_key.pub"), PathOf("authorized_keys"));
        int sshdA = FreePort();
        int sshdB = FreePort();
        ClosedPort = FreePort();
        StartDaemon("a", sshdA, portA);
        StartDaemon("b", sshdB, portB);
        ConfigFile = PathOf("ssh_config");
        File.WriteAllText(ConfigFile, HostEntry("hosta", sshdA) + HostEntry("hostb", sshdB) + HostEntry("hostc", ClosedPort));
        RemoteCommand = PathOf("remote-tuiports");
        File.WriteAllText(RemoteCommand, $"""
            #!/bin/sh
            # this build of tuiports, narrowed to the host's own listener for --stream and --once
            case " $* " in
              *" kill "*|*" --port "*) exec dotnet {CliProcess.AppDll} "$@" ;;
              *) exec dotnet {CliProcess.AppDll} "$@" --port "$TUIPORTS_TEST_PORT" ;;
            esac

            """);
        File.SetUnixFileMode(RemoteCommand, (UnixFileMode)0b111_101_101);
        WaitUntilLoginsWork();
    }

    public string Directory { get; }

    public string ConfigFile { get; }

    public string RemoteCommand { get; }

    /// <summary>Where hostc points: nothing listens there.</summary>
    public int ClosedPort { get; }

    /// <summary>The sshd daemons' pids: every session (and remote tuiports) runs below them.</summary>
    public IReadOnlyList<int> DaemonPids => _daemons.Select(d => d.Id).ToList();

    public void Dispose()
    {
        foreach (var daemon in _daemons)
        {
            try
            {
                daemon.Kill(entireProcessTree: true);
                daemon.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            daemon.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(Directory, name);

    private void StartDaemon(string name, int port, int listenerPort)
    {
        string config = PathOf($"sshd_{name}.conf");
        File.WriteAllText(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {PathOf("host_key")}
            PidFile {PathOf($"sshd_{name}.pid")}
            AuthorizedKeysFile {PathOf("authorized_keys")}
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            StrictModes no
            UsePAM no
            LogLevel ERROR
            SetEnv TUIPORTS_TEST_HOST=host{name} TUIPORTS_TEST_PORT={listenerPort}

            """);
        var start = new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config]) { UseShellExecute = false, RedirectStandardError = true };
        var daemon = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start");
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginErrorReadLine();
        _daemons.Add(daemon);
    }

    private string HostEntry(string host, int port) => $"""
        Host {host}
          HostName 127.0.0.1
          Port {port}
          User root
          IdentityFile {PathOf("client_key")}
          IdentitiesOnly yes
          StrictHostKeyChecking no
          UserKnownHostsFile /dev/null
          LogLevel ERROR

        """;

    private void WaitUntilLoginsWork()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            if (CanLogIn("hosta") && CanLogIn("hostb"))
            {
                return;
            }

            Thread.Sleep(200);
        }

        throw new InvalidOperationException("the test sshd instances did not accept logins");
    }

    private bool CanLogIn(string host)
    {
        using var ssh = Process.Start(new ProcessStartInfo("ssh", ["-F", ConfigFile, "-o", "BatchMode=yes", host, "true"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        ssh.WaitForExit(10_000);
        return ssh.HasExited && ssh.ExitCode == 0;
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed with exit code {process.ExitCode}");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
