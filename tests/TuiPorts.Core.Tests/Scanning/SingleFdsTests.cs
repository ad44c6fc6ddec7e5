using TuiPorts.Core.Scanning;

namespace TuiPorts.Core.Tests.Scanning;

public sealed class SingleFdsTests
{
    [Fact]
    public void A_repeated_fd_number_gets_the_same_list_and_another_number_its_own()
    {
        var fds = new SingleFds();

        var three = fds.Of(3);

        Assert.Equal([3], three.ToArray());
        Assert.True(three.AsImmutableArray() == fds.Of(3).AsImmutableArray()); // the very same array
        Assert.Equal([70], fds.Of(70).ToArray());
        Assert.NotEqual(three, fds.Of(70));
    }
}
