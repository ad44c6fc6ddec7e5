namespace TuiPorts.Core.Filtering;

/// <summary>What is wrong with a port filter's text (worded by <c>Presentation.Wording.PortFilter</c>).</summary>
public enum PortFilterProblemKind
{
    Empty,
    TooLong,
    NoPort,
    IncompleteRange,
    ReversedRange,
    UnknownName,
    NotANumber,
    OutOfRange,
}

/// <summary>
/// A port filter's problem as facts: its kind, the offending text as typed (raw: the wording cuts and sanitises it),
/// a reversed range's ends, and whether /etc/services could be read.
/// </summary>
public sealed record PortFilterProblem(PortFilterProblemKind Kind, string Text = "", int From = 0, int To = 0, bool ServicesAvailable = true);
