using System.CommandLine;
using TuiPorts.Core.Remote;

namespace TuiPorts.Cli;

/// <summary>What <c>--ssh</c> and its companions ask for: the hosts, how to reach them, and the filters they apply.</summary>
public sealed record HostsSetup(HostSet Hosts, SshCommand Ssh, IReadOnlyList<string> Filters);

/// <summary>
/// The options of the several-host view: <c>--ssh HOSTS</c> (repeatable, comma-separated, names as ssh takes them),
/// <c>--remote-command</c>, <c>--local</c> and <c>--ssh-config</c> (also <c>TUIPORTS_SSH_CONFIG</c>).
/// </summary>
public sealed class HostOptions
{
    public const string ConfigVariable = "TUIPORTS_SSH_CONFIG";

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

    public void AddTo(Command command)
    {
        command.Options.Add(Ssh);
        command.Options.Add(RemoteCommand);
        command.Options.Add(Local);
        command.Options.Add(SshConfig);
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

        string command = NonEmpty(result.GetValue(RemoteCommand)) ?? "tuiports";
        var hosts = new HostSet(names, result.GetValue(Local) ? HostSet.LocalName(names) : null);
        return new HostsSetup(hosts, new SshCommand(command, config), query.RemoteArguments(result));
    }

    /// <summary>Host names in order, once each; null with the reason when one is not a name ssh would take as a destination.</summary>
    private static List<string>? ParseNames(IEnumerable<string> values, out string? problem)
    {
        problem = null;
        var names = new List<string>();
        foreach (string name in values.SelectMany(v => v.Split(',')).Select(n => n.Trim()))
        {
            if (name.Length == 0 || name.StartsWith('-') || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\'' or '"' or '\\'))
            {
                problem = $"--ssh: '{name}' is not a host name (host, user@host or an alias from ~/.ssh/config)";
                return null;
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
