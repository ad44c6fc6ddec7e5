using System.Net;
using System.Net.Sockets;
using System.Text;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using static TuiPorts.Core.Tests.TestSupport.HostSnapshots;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>
/// The wire against the real engine: while connections open and close on loopback (new sockets, TIME_WAIT rows, gone
/// ones), every scan written by <see cref="SnapshotStreamWriter"/> and read back by <see cref="SnapshotStreamReader"/>
/// is the same set of sockets, fact for fact.
/// </summary>
public sealed class StreamUnderChurnTests
{
    [Fact]
    public async Task A_reader_holds_exactly_what_each_scan_saw_while_connections_churn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                using var accepted = await listener.AcceptTcpClientAsync();
                await Task.Delay(5);
            }
        });

        // Besides the churn (whose pace depends on the machine's load), every scan gets one new connection on a second
        // listener and closes the one from two scans before: each scan differs from the last whatever the scheduler does.
        using var steady = new TcpListener(IPAddress.Loopback, 0);
        steady.Start();
        int steadyPort = ((IPEndPoint)steady.LocalEndpoint).Port;
        var open = new Queue<(TcpClient Client, TcpClient Accepted)>();

        var source = new ProcSnapshotSource(ProcRoot.Default);
        using var wire = new MemoryStream();
        var writer = new SnapshotStreamWriter(wire);
        var reader = new SnapshotStreamReader("here");
        long read = 0;
        int lines = 0;
        const int Scans = 15;
        try
        {
            for (int scan = 0; scan < Scans; scan++)
            {
                var client = new TcpClient();
                client.Connect(IPAddress.Loopback, steadyPort);
                open.Enqueue((client, steady.AcceptTcpClient()));
                if (open.Count > 2)
                {
                    var (oldClient, oldAccepted) = open.Dequeue();
                    oldClient.Dispose(); // the client closes first: its side goes to TIME_WAIT
                    oldAccepted.Dispose();
                }

                var snapshot = source.Take();
                var mine = snapshot.Sockets.Where(s => Ours(s, port) || Ours(s, steadyPort)).ToList(); // as --port does
                writer.Write(snapshot, mine);
                string written = Encoding.UTF8.GetString(wire.GetBuffer(), (int)read, (int)(wire.Length - read));
                read = wire.Length;
                foreach (string line in written.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    reader.Read(line);
                    lines++;
                }

                Assert.Equal(ByKey(Of([.. mine]).On("here")), ByKey(reader.Current!));
                await Task.Delay(20);
            }
        }
        finally
        {
            foreach (var (client, accepted) in open)
            {
                client.Dispose();
                accepted.Dispose();
            }
        }

        await stop.CancelAsync();
        await churn;
        Assert.Equal(Scans, lines); // the first scan whole, then one delta per scan: every scan changed something
    }

    private static bool Ours(SocketEntry socket, int port) => socket.LocalPort == port || socket.RemotePort == port;
}
