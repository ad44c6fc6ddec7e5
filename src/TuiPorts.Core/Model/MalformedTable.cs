namespace TuiPorts.Core.Model;

/// <summary>A socket table file with lines that did not decode (skipped and counted, never thrown).</summary>
public sealed record MalformedTable(string Path, int Lines);
