using System.Net;

namespace TuiPorts.Core.Model;

/// <summary>One decoded line of a /proc/net socket table.</summary>
public sealed record NetTableRow(
    Protocol Protocol,
    IPAddress LocalAddress,
    int LocalPort,
    IPAddress RemoteAddress,
    int RemotePort,
    string State,
    long TxQueue,
    long RxQueue,
    int Uid,
    ulong Inode);

/// <summary>The rows of one table plus how many lines could not be decoded (skipped, never thrown).</summary>
public sealed record NetTable(Protocol Protocol, IReadOnlyList<NetTableRow> Rows, int MalformedLines);
