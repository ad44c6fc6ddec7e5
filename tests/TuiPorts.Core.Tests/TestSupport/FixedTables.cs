using TuiPorts.Core.Filtering;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.TestSupport;

/// <summary>The own namespace's tables as a fixed object, like sock_diag returns when the dump did not change.</summary>
public sealed class FixedTables(NamespaceTables tables) : ISocketTableSource
{
    public NamespaceTables Tables { get; set; } = tables;

    public NamespaceTables ReadOwn(ulong netns, PortFilter? ports = null) => Tables;
}
