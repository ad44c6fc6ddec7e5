using TuiPorts.Core.Netlink;

namespace TuiPorts.Core.Tests.Netlink;

public sealed class RecordBufferTests
{
    [Fact]
    public void Reserving_makes_room_and_keeps_what_it_holds()
    {
        var buffer = new RecordBuffer();
        buffer.Append([1, 2, 3]);

        buffer.Reserve(1_000_000);

        Assert.True(buffer.Capacity >= 1_000_000);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer.Span.ToArray());
        int capacity = buffer.Capacity;
        buffer.Append(new byte[999_000]);
        Assert.Equal(capacity, buffer.Capacity); // no growth within the reserved room
        Assert.Equal(999_003, buffer.Length);
    }

    [Fact]
    public void Reserving_less_than_it_has_changes_nothing()
    {
        var buffer = new RecordBuffer();
        buffer.Reserve(100_000);
        buffer.Append([4, 5]);

        buffer.Reserve(10);

        Assert.Equal(100_000, buffer.Capacity);
        Assert.Equal(new byte[] { 4, 5 }, buffer.Span.ToArray());
    }
}
