using System.Net;
using TuiPorts.Core.Presentation;
using static TuiPorts.Core.Tests.TestSupport.Snapshots;

namespace TuiPorts.Core.Tests.Presentation;

public sealed class SortOrderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_fast_default_sort_orders_rows_exactly_as_the_comparer_does(bool descending)
    {
        var random = new Random(7);
        var rows = new List<SocketRow>();
        for (int i = 0; i < 3000; i++)
        {
            var socket = Listener(random.Next(0, 40), (ulong)(random.Next(3) == 0 ? 0 : random.Next(1, 100_000)), random.Next(2) == 0 ? [] : [random.Next(1, 500)]) with
            {
                Role = (SocketRole)random.Next(3),
                RemotePort = random.Next(0, 65536),
                RemoteAddress = IPAddress.Loopback,
            };
            rows.Add(new SocketRow(socket, RowMark.None));
        }

        var order = SortOrder.Default with { Descending = descending };
        var fast = rows.ToList();
        order.SortRows(fast);

        for (int i = 1; i < fast.Count; i++)
        {
            Assert.True(order.Compare(fast[i - 1].Socket, fast[i].Socket) <= 0, $"rows {i - 1} and {i} are out of order");
        }
    }

    [Fact]
    public void Sorting_by_pid_uses_the_holder_the_row_shows_the_master_not_a_lower_pid_worker()
    {
        static ProcessInfo Process(int pid, int ppid, string name) => new(pid, name, name, 0, "root", 100, null, ppid, false);
        static SocketHolder Holder(ProcessInfo p) => new(p, new EquatableArray<int>([3]));
        var nginx = Listener(80, 1) with
        {
            Holders = new EquatableArray<SocketHolder>([Holder(Process(150, 500, "nginx")), Holder(Process(500, 1, "nginx"))]), // worker 150, master 500
        };
        var api = Listener(9000, 2) with { Holders = new EquatableArray<SocketHolder>([Holder(Process(300, 1, "api"))]) };
        var rows = new List<SocketRow> { new(nginx, RowMark.None), new(api, RowMark.None) };

        new SortOrder(SortColumn.Pid).SortRows(rows);

        Assert.Equal(500, TuiPorts.Core.Killing.HolderTree.Lead(nginx).Pid); // what the row shows
        Assert.Equal([9000, 80], rows.Select(r => r.Socket.LocalPort)); // 300 before 500, not 150 before 300
    }
}
