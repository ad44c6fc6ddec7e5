using System.Buffers.Binary;
using System.Net;

namespace TuiPorts.Core.Scanning;

/// <summary>
/// The distinct addresses of a one-shot, one <see cref="IPAddress"/> each (a busy server repeats a few many times), by
/// index; each with the index of its plain form (an IPv4-mapped IPv6 address's IPv4 address, as roles and peers
/// compare them). Equal indexes are equal addresses.
/// </summary>
public sealed class AddressTable
{
    private readonly List<IPAddress> _addresses = [];
    private readonly List<int> _plain = [];
    private readonly Dictionary<uint, int> _v4 = [];
    private readonly Dictionary<UInt128, int> _v6 = [];

    public int Count => _addresses.Count;

    public IPAddress this[int index] => _addresses[index];

    /// <summary>The index of the address's plain form (itself unless IPv4-mapped).</summary>
    public int PlainOf(int index) => _plain[index];

    /// <summary>0.0.0.0 or :: itself (not its plain form).</summary>
    public bool IsAny(int index) => _addresses[index] is var a && (a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any));

    /// <summary>The index of 4 (IPv4) or 16 (IPv6) address bytes, in network order.</summary>
    public int Add(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 4)
        {
            uint v4 = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            if (!_v4.TryGetValue(v4, out int index))
            {
                index = Append(new IPAddress(bytes), -1);
                _v4[v4] = index;
            }

            return index;
        }

        var v6 = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        if (!_v6.TryGetValue(v6, out int found))
        {
            var address = new IPAddress(bytes);
            int plain = address.IsIPv4MappedToIPv6 ? Add(bytes[12..]) : -1;
            found = Append(address, plain);
            _v6[v6] = found;
        }

        return found;
    }

    /// <summary>The index of a decoded address; -1 for one with a scope id (a table line never has one).</summary>
    public int Add(IPAddress address)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            return -1;
        }

        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out int written) ? Add(bytes[..written]) : -1;
    }

    private int Append(IPAddress address, int plain)
    {
        _addresses.Add(address);
        _plain.Add(plain < 0 ? _addresses.Count - 1 : plain);
        return _addresses.Count - 1;
    }
}
