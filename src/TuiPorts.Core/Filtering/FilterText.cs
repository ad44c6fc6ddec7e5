using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Filtering;

/// <summary>
/// What the UI's filter field means. Digits, commas and dashes are the <c>--port</c> grammar (and are flagged when
/// invalid, e.g. "port out of range"); a service name is its port or a process whose name contains it; anything else
/// is free text matched against process names, command lines, users and addresses.
/// </summary>
public sealed record FilterText(PortFilter? Ports, string? Text, PortFilterProblem? Error)
{
    public static FilterText None { get; } = new(null, null, null);

    public bool IsValid => Error is null;

    public static FilterText Parse(string? raw, ServicesFile services)
    {
        string text = (raw ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return None;
        }

        var ports = PortFilterParser.Parse(text, services);
        if (ports.IsValid)
        {
            return new FilterText(ports.Filter, null, null);
        }

        return PortFilterParser.LooksNumeric(text)
            ? new FilterText(null, null, ports.Error)
            : new FilterText(null, text, null);
    }

    /// <summary>The query with this filter applied (listening-only and protocol are kept from <paramref name="basis"/>).</summary>
    public SocketQuery ApplyTo(SocketQuery basis) =>
        basis with { Ports = Ports, Text = Text, ServiceNamesAlsoMatchText = true };
}
