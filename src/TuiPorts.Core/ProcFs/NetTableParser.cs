using System.Globalization;
using System.Net;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// Parses /proc/net/{tcp,tcp6,udp,udp6}. Columns: <c>sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...</c>.
/// The first line is a header. A line that does not decode is counted in <see cref="NetTable.MalformedLines"/>.
/// </summary>
public static class NetTableParser
{
    private const int InodeColumn = 9;

    public static NetTable Parse(Protocol protocol, string content) => Parse(protocol, LinesOf(content));

    /// <summary>The table from its lines as they are read (<see cref="ProcFile.Lines"/>): never the whole file at once.</summary>
    public static NetTable Parse(Protocol protocol, IEnumerable<string> lines)
    {
        var rows = new List<NetTableRow>();
        int malformed = 0;
        bool header = true;
        foreach (string rawLine in lines)
        {
            if (header)
            {
                header = false;
                continue;
            }

            var line = rawLine.AsSpan().Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (TryParseLine(protocol, line, out var row))
            {
                rows.Add(row);
            }
            else
            {
                malformed++;
            }
        }

        return new NetTable(protocol, rows, malformed);
    }

    private static IEnumerable<string> LinesOf(string content)
    {
        foreach (var line in content.Split('\n'))
        {
            yield return line.TrimEnd('\r');
        }
    }

    public static bool TryParseLine(Protocol protocol, ReadOnlySpan<char> line, out NetTableRow row)
    {
        row = null!;
        Span<Range> columns = stackalloc Range[InodeColumn + 2];
        int count = line.SplitAny(columns, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count <= InodeColumn || !line[columns[0]].EndsWith(':'))
        {
            return false;
        }

        int addressHexLength = protocol.IsIPv6() ? 32 : 8;
        var local = line[columns[1]];
        var remote = line[columns[2]];
        if (local.IndexOf(':') != addressHexLength || remote.IndexOf(':') != addressHexLength
            || !SocketAddressDecoder.TryDecode(local, out IPAddress localAddress, out int localPort)
            || !SocketAddressDecoder.TryDecode(remote, out IPAddress remoteAddress, out int remotePort)
            || !TryParseHex(line[columns[3]], out long stateCode) || stateCode > 0xFF
            || !TryParseQueues(line[columns[4]], out long tx, out long rx)
            || !int.TryParse(line[columns[7]], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
            || !ulong.TryParse(line[columns[InodeColumn]], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
        {
            return false;
        }

        string state = protocol.IsTcp() ? SocketStates.TcpName((int)stateCode) : SocketStates.UdpName((int)stateCode);
        row = new NetTableRow(protocol, localAddress, localPort, remoteAddress, remotePort, state, tx, rx, uid, inode);
        return true;
    }

    private static bool TryParseQueues(ReadOnlySpan<char> text, out long tx, out long rx)
    {
        rx = 0;
        int colon = text.IndexOf(':');
        return TryParseHex(colon < 0 ? text : text[..colon], out tx) && colon >= 0 && TryParseHex(text[(colon + 1)..], out rx);
    }

    private static bool TryParseHex(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
}
