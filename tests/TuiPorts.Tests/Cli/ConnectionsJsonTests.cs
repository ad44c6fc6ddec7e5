using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TuiPorts.Cli;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

/// <summary><c>--once --json</c> on a real loopback connection: tcpInfo counters and peerInode on both ends.</summary>
public sealed class ConnectionsJsonTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TcpClient _client = new(AddressFamily.InterNetwork);
    private readonly TcpClient _accepted;

    public ConnectionsJsonTests()
    {
        _listener.Start();
        _client.Connect(IPAddress.Loopback, Port);
        _accepted = _listener.AcceptTcpClient();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private int ClientPort => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public void Dispose()
    {
        _accepted.Dispose();
        _client.Dispose();
        _listener.Stop();
    }

    private void Push(int bytes)
    {
        _client.GetStream().Write(new byte[bytes]);
        var buffer = new byte[64 * 1024];
        for (int got = 0; got < bytes;)
        {
            got += _accepted.GetStream().Read(buffer);
        }
    }

    private static JsonElement Socket(JsonDocument json, int localPort, int remotePort) =>
        json.RootElement.GetProperty("sockets").EnumerateArray()
            .Single(s => s.GetProperty("localPort").GetInt32() == localPort && s.GetProperty("remotePort").GetInt32() == remotePort);

    private JsonDocument Once(bool asNobody = false)
    {
        string[] args = ["--once", "--json", "--port", Port.ToString(CultureInfo.InvariantCulture)];
        if (asNobody)
        {
            var result = CliProcess.Run(args, asNobody: true);
            Assert.Equal(0, result.ExitCode);
            return JsonDocument.Parse(result.Stdout);
        }

        var output = new StringWriter();
        Assert.Equal(0, CommandLineInterface.Run(args, output, new StringWriter()));
        return JsonDocument.Parse(output.ToString());
    }

    [Fact]
    public void Both_ends_carry_tcpInfo_and_point_at_each_other_and_the_counters_grow_between_two_runs()
    {
        Push(100_000);
        using var first = Once();
        Push(400_000);
        using var second = Once();

        var client = Socket(second, ClientPort, Port);
        var server = Socket(second, Port, ClientPort);
        Assert.True(second.RootElement.GetProperty("tcpInfoAvailable").GetBoolean());
        Assert.Equal(server.GetProperty("inode").GetUInt64(), client.GetProperty("peerInode").GetUInt64());
        Assert.Equal(client.GetProperty("inode").GetUInt64(), server.GetProperty("peerInode").GetUInt64());
        var tcpInfo = client.GetProperty("tcpInfo");
        Assert.Equal(
            ["rttUs", "rttVarUs", "bytesAcked", "bytesReceived", "bytesSent", "totalRetrans", "lost", "deliveryRateBps", "lastSendMs", "lastReceiveMs"],
            tcpInfo.EnumerateObject().Select(p => p.Name));
        ulong Acked(JsonDocument json) => Socket(json, ClientPort, Port).GetProperty("tcpInfo").GetProperty("bytesAcked").GetUInt64();
        Assert.Equal(400_000UL, Acked(second) - Acked(first));
        Assert.True(server.GetProperty("tcpInfo").GetProperty("bytesReceived").GetUInt64() >= 500_000);
        Assert.False(Socket(second, Port, 0).TryGetProperty("peerInode", out _)); // the listener has no other end
    }

    [Fact]
    public void An_unprivileged_user_gets_the_same_tcpInfo()
    {
        Push(50_000);

        using var json = Once(asNobody: true);

        var client = Socket(json, ClientPort, Port);
        Assert.True(client.GetProperty("tcpInfo").GetProperty("bytesAcked").GetUInt64() > 50_000);
        Assert.True(client.GetProperty("tcpInfo").GetProperty("rttUs").GetInt64() > 0);
        Assert.True(client.TryGetProperty("peerInode", out _));
    }

    [Fact]
    public void The_proc_net_files_have_no_tcp_info_and_the_document_says_so()
    {
        using var proc = new FixtureProcTree();
        proc.WriteTable("tcp", [FixtureProcTree.Row(0, "0100007F:2328", "0100007F:9C40", "01", 500)]);
        var output = new StringWriter();

        Assert.Equal(0, CommandLineInterface.Run(["--once", "--json", "--proc-root", proc.Root], output, new StringWriter()));

        using var json = JsonDocument.Parse(output.ToString());
        Assert.False(json.RootElement.GetProperty("tcpInfoAvailable").GetBoolean());
        Assert.False(json.RootElement.GetProperty("sockets")[0].TryGetProperty("tcpInfo", out _));
    }
}
