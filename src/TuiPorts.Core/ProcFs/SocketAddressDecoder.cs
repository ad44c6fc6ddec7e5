using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace TuiPorts.Core.ProcFs;

/// <summary>
/// Decodes the <c>ADDRESS:PORT</c> hex pairs of /proc/net/{tcp,udp}[6]. Each 32-bit word of the address was printed
/// with <c>%08X</c> from memory in host byte order, so on a little-endian host every word is byte-reversed; an IPv6
/// address is four such words (reverse inside each word, never across). The port is already in host order.
/// </summary>
public static class SocketAddressDecoder
{
    public static bool TryDecode(ReadOnlySpan<char> text, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        int colon = text.IndexOf(':');
        if (colon < 0 || text.Length - colon - 1 != 4)
        {
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out port))
        {
            return false;
        }

        return TryDecodeAddress(text[..colon], out address);
    }

    public static bool TryDecodeAddress(ReadOnlySpan<char> hex, out IPAddress address)
    {
        address = IPAddress.None;
        if (hex.Length != 8 && hex.Length != 32)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[hex.Length / 2];
        for (int word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.Slice(word * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
            {
                return false;
            }

            var target = bytes.Slice(word * 4, 4);
            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(target, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(target, value);
            }
        }

        address = new IPAddress(bytes);
        return true;
    }
}
