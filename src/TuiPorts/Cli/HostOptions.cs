using System.CommandLine;
using TuiPorts.Core.Remote;
using TuiPorts.Hosting;

namespace TuiPorts.Cli;

/// <summary>
/// The options of the several-host view: <c>--ssh HOSTS</c> (repeatable, comma-separated, names as ssh takes them),
/// <c>--remote-command</c>, <c>--local</c>, <c>--ssh-config</c> (also <c>TUIPORTS_SSH_CONFIG</c>) and <c>--ssh-jobs</c>;
/// and <c>--heartbeat</c>, the stream's side of the contract.
/// </summary>
public sealed class HostOptions
{
    public const string ConfigVariable = "TUIPORTS_SSH_CONFIG";
    public const int MaxJobs = 1024;

    public Option<string[]> Ssh { get; } = new("--ssh")
    {
        Description = "Show these hosts in one table with a HOST column (this machine only with --local): host, user@host or an ~/.ssh/config alias, comma-separated, repeatable. tuiports runs on each over ssh.",
        HelpName = "HOSTS",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> RemoteCommand { get; } = new("--remote-command")
    {
        Description = "With --ssh: the tuiports to run on the hosts, as their login shell reads it (a path, or e.g. 'sudo -n tuiports'). Default: tuiports.",
        HelpName = "PATH",
    };

    public Option<bool> Local { get; } = new("--local") { Description = "With --ssh: show this machine as well (read directly, not over ssh)." };

    public Option<string?> SshConfig { get; } = new("--ssh-config")
    {
        Description = $"With --ssh: the ssh client configuration to use (ssh -F FILE). Default: ${ConfigVariable} when set, else ssh's own (~/.ssh/config).",
        HelpName = "FILE",
    };

    public Option<string?> Jobs { get; } = new("--ssh-jobs")
    {
        Description = $"With --once --ssh: how many hosts are asked at the same time (default {HostsSetup.DefaultJobs}).",
        HelpName = "N",
    };

    public Option<string?> Heartbeat { get; } = new("--heartbeat")
    {
        Description = "With --stream: when nothing changed for this many seconds, write a heartbeat line (default 2), so a reader can tell a quiet host from a frozen one.",
        HelpName = "SECONDS",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Ssh);
        command.Options.Add(RemoteCommand);
        command.Options.Add(Local);
        command.Options.Add(SshConfig);
        command.Options.Add(Jobs);
        command.Options.Add(Heartbeat);
    }

    /// <summary>The stream's heartbeat period; null with the reason when <c>--heartbeat</c> is not a number of seconds in 0.1-3600.</summary>
    public TimeSpan? HeartbeatOf(ParseResult result, out string? problem)
    {
        problem = null;
        string? text = result.GetValue(Heartbeat);
        if (text is null)
        {
            return TuiPorts.Core.Wire.Heartbeat.DefaultPeriod;
        }

        if (!text.Any(char.IsAsciiLetter) && Seconds.TryParse(text, 0.1, 3600, out var period)) // NaN and Infinity are not seconds
        {
            return period;
        }

        problem = $"--heartbeat: '{Printable(text)}' is not a number of seconds between 0.1 and 3600";
        return null;
    }

    /// <summary>Null without <c>--ssh</c> (and then a problem if a companion option was given alone, or a name is bad).</summary>
    public HostsSetup? SetupOf(ParseResult result, QueryOptions query, out string? problem)
    {
        problem = null;
        string[] values = result.GetValue(Ssh) ?? [];
        if (values.Length == 0)
        {
            problem = result.GetValue(Local) ? "--local needs --ssh (this machine alone is the default)"
                : result.GetValue(RemoteCommand) is not null ? "--remote-command needs --ssh"
                : result.GetValue(SshConfig) is not null ? "--ssh-config needs --ssh"
                : result.GetValue(Jobs) is not null ? "--ssh-jobs needs --ssh"
                : null;
            return null;
        }

        var names = ParseNames(values, out problem);
        if (names is null)
        {
            return null;
        }

        string? config = result.GetValue(SshConfig) ?? NonEmpty(Environment.GetEnvironmentVariable(ConfigVariable));
        if (config is not null && !File.Exists(config))
        {
            problem = $"--ssh-config: no such file: {config}";
            return null;
        }

        int jobs = HostsSetup.DefaultJobs;
        if (result.GetValue(Jobs) is { } jobsText && (!int.TryParse(jobsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out jobs) || jobs is < 1 or > MaxJobs))
        {
            problem = $"--ssh-jobs: '{Printable(jobsText)}' is not a number from 1 to {MaxJobs}";
            return null;
        }

        bool local = result.GetValue(Local);
        if (local && names.FirstOrDefault(n => n == "local" || n == Environment.MachineName) is { } self)
        {
            problem = $"--ssh: '{self}' is this machine, which --local shows already (read directly): drop one of them";
            return null;
        }

        string command = NonEmpty(result.GetValue(RemoteCommand)) ?? "tuiports";
        var hosts = new HostSet(names, local ? HostSet.LocalName(names) : null);
        var ssh = new SshCommand(command, config) { Probe = new SshConfigProbe(configFile: config) }; // their keep-alive wins over ours
        return new HostsSetup(hosts, ssh, query.RemoteArguments(result)) { Jobs = jobs };
    }

    /// <summary>Host names in order, once each; null with the reason when one is not a name ssh would take as a destination.</summary>
    private static List<string>? ParseNames(IEnumerable<string> values, out string? problem)
    {
        problem = null;
        var names = new List<string>();
        foreach (string name in values.SelectMany(v => v.Split(',')).Select(n => n.Trim()))
        {
            if (!HostNames.IsValid(name))
            {
                problem = $"--ssh: '{Printable(name)}' is not a host name (host, user@host or an alias from ~/.ssh/config: letters, digits and . - _ : @ [ ])";
                return null;
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>An argument echoed back: its first 80 characters, anything but printable ASCII as '?'.</summary>
    private static string Printable(string text) =>
        new(text.Take(80).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
