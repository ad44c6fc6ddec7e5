using System.CommandLine;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Cli;

/// <summary>The options shared by the UI, <c>--once</c> and <c>kill</c>: which proc tree and which sockets.</summary>
public sealed class QueryOptions
{
    public Option<string?> Port { get; } = new("--port", "-p")
    {
        Description = "Only sockets whose local or remote port matches: 9000, 80,443, 8000-8100 or a service name (ssh).",
        HelpName = "PORTS",
    };

    public Option<bool> Listening { get; } = new("--listening", "-l")
    {
        Description = "Only listening sockets (TCP LISTEN and unconnected UDP).",
    };

    public Option<string?> Proto { get; } = new("--proto")
    {
        Description = "Only one protocol family: tcp or udp (IPv4 and IPv6).",
        HelpName = "tcp|udp",
    };

    public Option<string> ProcRoot { get; } = new("--proc-root")
    {
        Description = "Read this directory instead of /proc (a copy or a fixture tree).",
        DefaultValueFactory = _ => Core.ProcFs.ProcRoot.Default.Path,
        HelpName = "DIR",
    };

    public QueryOptions()
    {
        Proto.AcceptOnlyFromAmong("tcp", "udp");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Listening);
        command.Options.Add(Proto);
        command.Options.Add(ProcRoot);
    }

    public ProcRoot ProcRootOf(ParseResult result) => result.GetValue(ProcRoot) is { } path ? new(path) : Core.ProcFs.ProcRoot.Default;

    /// <summary>The filters as given, for a remote tuiports to apply itself (<c>--ssh</c>): only matching sockets cross the wire.</summary>
    public IReadOnlyList<string> RemoteArguments(ParseResult result)
    {
        var arguments = new List<string>();
        if (result.GetValue(Port) is { } ports)
        {
            arguments.AddRange(["--port", ports]);
        }

        if (result.GetValue(Listening))
        {
            arguments.Add("--listening");
        }

        if (result.GetValue(Proto) is { } proto)
        {
            arguments.AddRange(["--proto", proto]);
        }

        return arguments;
    }

    /// <summary>The query the options describe, or a one-line error (bad port filter).</summary>
    public (SocketQuery? Query, string? Error) QueryOf(ParseResult result)
    {
        PortFilter? ports = null;
        string? portText = result.GetValue(Port);
        if (portText is not null)
        {
            var parsed = PortFilterParser.Parse(portText, ServicesFile.Load(ProcRootOf(result)));
            if (!parsed.IsValid)
            {
                return (null, parsed.Error is { } problem ? Core.Presentation.Wording.PortFilter(problem) : null);
            }

            ports = parsed.Filter;
        }

        var family = result.GetValue(Proto) switch
        {
            "tcp" => ProtocolFamily.Tcp,
            "udp" => ProtocolFamily.Udp,
            _ => ProtocolFamily.Any,
        };
        return (new SocketQuery(ports, result.GetValue(Listening), family), null);
    }
}
