using TuiPorts.Core.Killing;

namespace TuiPorts.Core.Tests.Killing;

public sealed class SignalsTests
{
    [Theory]
    [InlineData("TERM", Signals.SIGTERM)]
    [InlineData("sigterm", Signals.SIGTERM)]
    [InlineData(" kill ", Signals.SIGKILL)]
    [InlineData("9", Signals.SIGKILL)]
    [InlineData("HUP", Signals.SIGHUP)]
    [InlineData("SIGUSR2", Signals.SIGUSR2)]
    public void Names_with_or_without_SIG_and_numbers_parse(string text, int expected)
    {
        Assert.True(Signals.TryParse(text, out int number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("SIGFOO")]
    [InlineData("64")]
    [InlineData("-9")]
    public void Unknown_signals_are_rejected(string? text) => Assert.False(Signals.TryParse(text, out _));

    [Fact]
    public void Names_round_trip() => Assert.All(Signals.Names, name =>
    {
        Assert.True(Signals.TryParse(name, out int number));
        Assert.Equal(name, Signals.Name(number));
    });
}
