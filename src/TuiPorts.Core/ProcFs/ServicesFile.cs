using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>Service name -> port from /etc/services (package netbase; may be missing in minimal containers).</summary>
public sealed class ServicesFile
{
    private readonly Dictionary<string, int> _ports;

    private ServicesFile(Dictionary<string, int> ports) => _ports = ports;

    public static ServicesFile Empty { get; } = new(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));

    public bool IsAvailable => _ports.Count > 0;

    /// <summary>The services file of <paramref name="root"/> (<c>/etc/services</c> on a real machine).</summary>
    public static ServicesFile Load(ProcRoot root) => Load(root.ServicesPath);

    public static ServicesFile Load(string path) => Parse(ProcRoot.TryReadText(path) ?? string.Empty);

    /// <summary>Lines look like <c>ssh   22/tcp   # comment</c>, with optional aliases after the port.</summary>
    public static ServicesFile Parse(string content)
    {
        var ports = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Span<Range> fields = stackalloc Range[16];
        foreach (var rawLine in content.AsSpan().EnumerateLines())
        {
            var line = rawLine;
            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            int count = line.SplitAny(fields, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (count < 2)
            {
                continue;
            }

            var portProto = line[fields[1]];
            int slash = portProto.IndexOf('/');
            if (slash <= 0 || !int.TryParse(portProto[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                || port > 65535)
            {
                continue;
            }

            ports.TryAdd(line[fields[0]].ToString(), port);
            for (int alias = 2; alias < count; alias++)
            {
                ports.TryAdd(line[fields[alias]].ToString(), port);
            }
        }

        return new ServicesFile(ports);
    }

    public bool TryGetPort(string name, out int port) => _ports.TryGetValue(name, out port);
}
