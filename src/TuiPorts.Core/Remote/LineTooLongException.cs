namespace TuiPorts.Core.Remote;

/// <summary>A child sent a line longer than its cap: it was not read to its end (never buffered whole), and the child was ended.</summary>
public sealed class LineTooLongException(long cap)
    : IOException(Presentation.Wording.LineOverCap(cap))
{
    public long Cap { get; } = cap;
}
