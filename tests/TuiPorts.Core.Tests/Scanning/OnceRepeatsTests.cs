using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

/// <summary>Repeated rows of a one-shot count once, as a snapshot's join counts them (<c>SeenSockets</c>).</summary>
public sealed class OnceRepeatsTests
{
    private static OnceSocket Row(int arrival, ulong inode, ushort localPort = 80, int tcpInfo = -1, int netns = 0, Protocol protocol = Protocol.Tcp, byte state = 0) =>
        new() { Arrival = arrival, Inode = inode, LocalPort = localPort, TcpInfo = tcpInfo, Netns = netns, Protocol = protocol, State = state };

    [Fact]
    public void The_first_row_of_a_socket_stays_where_it_was_and_takes_the_last_rows_tcp_info()
    {
        OnceSocket[] rows = [Row(0, 7, tcpInfo: 0), Row(1, 8), Row(2, 7, localPort: 81, tcpInfo: 1), Row(3, 7), Row(4, 9, tcpInfo: 2)];

        int left = OnceRepeats.Drop(rows, rows.Length);

        Assert.Equal([(0, 7UL, 80, 1), (1, 8UL, 80, -1), (4, 9UL, 80, 2)], rows[..left].Select(r => (r.Arrival, r.Inode, (int)r.LocalPort, r.TcpInfo)));
    }

    [Fact]
    public void A_socket_is_its_namespace_protocol_and_inode()
    {
        OnceSocket[] rows = [Row(0, 7), Row(1, 7, netns: 1), Row(2, 7, protocol: Protocol.Udp), Row(3, 7, netns: 1)];

        int left = OnceRepeats.Drop(rows, rows.Length);

        Assert.Equal([0, 1, 2], rows[..left].Select(r => r.Arrival));
    }

    [Fact]
    public void Without_an_inode_a_socket_is_its_ends_and_state()
    {
        OnceSocket[] rows = [Row(0, 0), Row(1, 0, state: 1), Row(2, 0), Row(3, 0, localPort: 81), Row(4, 0, state: 1)];

        int left = OnceRepeats.Drop(rows, rows.Length);

        Assert.Equal([0, 1, 3], rows[..left].Select(r => r.Arrival));
    }

    [Fact]
    public void Rows_without_repeats_are_left_as_they_are()
    {
        OnceSocket[] rows = [Row(0, 3), Row(1, 2), Row(2, 1)];

        Assert.Equal(3, OnceRepeats.Drop(rows, rows.Length));
        Assert.Equal([3UL, 2UL, 1UL], rows.Select(r => r.Inode));
    }
}
