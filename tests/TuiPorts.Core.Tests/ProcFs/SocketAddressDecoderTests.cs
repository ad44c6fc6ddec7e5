using System.Net;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class SocketAddressDecoderTests
{
    [Theory]
    [InlineData("0100007F:2328", "127.0.0.1", 9000)]
    [InlineData("00000000:0000", "0.0.0.0", 0)]
    [InlineData("0101A8C0:0016", "192.168.1.1", 22)]
    [InlineData("B80D0120020001000400030006000500:6DBD", "2001:db8:1:2:3:4:5:6", 28093)]
    [InlineData("000080FE00000000FFADE15609667CFE:C781", "fe80::56e1:adff:fe7c:6609", 51073)]
    [InlineData("0000000000000000FFFF00000100007F:2328", "::ffff:127.0.0.1", 9000)]
    [InlineData("00000000000000000000000001000000:0050", "::1", 80)]
    [InlineData("00000000000000000000000000000000:0000", "::", 0)]
    public void Decodes_host_order_words(string text, string address, int port)
    {
        Assert.True(SocketAddressDecoder.TryDecode(text, out IPAddress decoded, out int decodedPort));
        Assert.Equal(address, decoded.ToString());
        Assert.Equal(port, decodedPort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0100007F")]
    [InlineData("0100007F:")]
    [InlineData("0100007F:23")]
    [InlineData("0100007G:2328")]
    [InlineData("0100007F:ZZZZ")]
    [InlineData("100007F:2328")]
    [InlineData("B80D012002000100040003000600050:6DBD")]
    [InlineData(":2328")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(SocketAddressDecoder.TryDecode(text, out _, out _));
    }
}
