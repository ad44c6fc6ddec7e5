namespace TuiPorts.Core.Filtering;

/// <summary>An inclusive range of ports; a single port is a range of one.</summary>
public readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}

/// <summary>
/// A parsed port filter: <c>9000</c>, <c>80,443</c>, <c>8000-8100</c>, <c>ssh</c>, or a comma list of those.
/// One grammar for <c>--port</c>, <c>tuiports kill</c> and the UI's filter field; see <see cref="PortFilterParser"/>.
/// </summary>
public sealed class PortFilter
{
    public PortFilter(IReadOnlyList<PortRange> ranges, string text)
    {
        Ranges = ranges;
        Text = text;
    }

    public IReadOnlyList<PortRange> Ranges { get; }

    /// <summary>What the user typed.</summary>
    public string Text { get; }

    /// <summary>True when only service names were given (the UI then also matches them as text).</summary>
    public bool IsServiceNameOnly { get; init; }

    public bool Matches(int port)
    {
        foreach (var range in Ranges)
        {
            if (range.Contains(port))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(",", Ranges);
}

/// <summary>Either a filter or what is wrong with the text.</summary>
public sealed record PortFilterResult(PortFilter? Filter, PortFilterProblem? Error)
{
    public bool IsValid => Filter is not null;

    public static PortFilterResult Ok(PortFilter filter) => new(filter, null);

    public static PortFilterResult Fail(PortFilterProblem error) => new(null, error);
}
