using TuiPorts.Core.Live;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Wire;

namespace TuiPorts.Core.Tests.Live;

/// <summary>The refresh's timings, from their one home.</summary>
public sealed class RefreshSettingsTests
{
    [Fact]
    public void The_defaults_are_the_ones_the_engine_and_the_stream_use()
    {
        var settings = RefreshSettings.Default;

        Assert.Equal(TimeSpan.FromSeconds(1), settings.Interval);
        Assert.Equal(HolderScanner.DefaultFullRescanPeriod, settings.FullRescanPeriod);
        Assert.Equal(Heartbeat.DefaultPeriod, settings.Heartbeat);
        Assert.InRange(settings.Interval, RefreshSettings.MinInterval, RefreshSettings.MaxInterval);
    }

    [Theory]
    [InlineData(0.2, 2)]
    [InlineData(1, 2)]
    [InlineData(5, 10)]
    public void New_and_gone_rows_stay_marked_for_two_refreshes_and_at_least_two_seconds(double interval, double marked)
    {
        Assert.Equal(TimeSpan.FromSeconds(marked), new RefreshSettings(TimeSpan.FromSeconds(interval)).MarkLifetime);
    }
}
