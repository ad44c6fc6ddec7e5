using TuiPorts.Core.Remote;

namespace TuiPorts.Core.Tests.Remote;

/// <summary>
/// A host's bytes per second are bounded (4 MiB/s on average, a 32 MiB burst; the first line, the whole snapshot, is
/// bounded by the line cap instead): a stream at its normal pace is never cut, a flood is, and says which limit it broke.
/// </summary>
public sealed class HostBudgetTests
{
    private const long MiB = 1 << 20;

    /// <summary>Lines of <paramref name="bytes"/> at <paramref name="perSecond"/> a second for up to <paramref name="seconds"/>; the line a limit was broken on and what was said.</summary>
    private static (int Line, string? Said) Send(HostBudget budget, long bytes, int perSecond, double seconds)
    {
        int lines = (int)(seconds * perSecond);
        for (int i = 0; i < lines; i++)
        {
            if (budget.Take(TimeSpan.FromSeconds((double)i / perSecond), bytes) is { } said)
            {
                return (i, said);
            }
        }

        return (lines, null);
    }

    [Fact]
    public void A_busy_stream_under_the_byte_rate_is_never_cut()
    {
        var (_, said) = Send(new HostBudget(), 1 * MiB, perSecond: 3, seconds: 120); // 3 MiB/s for two minutes

        Assert.Null(said);
    }

    [Fact]
    public void A_host_sending_more_bytes_than_its_rate_is_cut_after_its_burst_and_says_so()
    {
        var (line, said) = Send(new HostBudget(), 3 * MiB, perSecond: 10, seconds: 10); // 30 MiB/s of valid-sized lines

        Assert.Equal("sent more than 4 MiB a second (a flood, not a stream)", said);
        Assert.InRange(line, 11, 20); // the first line is free, then the 32 MiB burst refilled at 4 MiB/s: ~1.3 s, never 10 s
    }

    [Fact]
    public void The_first_line_the_whole_snapshot_is_not_counted()
    {
        var budget = new HostBudget();

        Assert.Null(budget.Take(TimeSpan.Zero, 200 * MiB));
        Assert.Null(budget.Take(TimeSpan.FromMilliseconds(10), 20 * MiB)); // the burst is still whole after it
    }

    [Fact]
    public void Few_lines_of_many_bytes_break_the_byte_limit_not_the_line_limit()
    {
        var budget = new HostBudget();
        budget.Take(TimeSpan.Zero, 100);

        var said = Enumerable.Range(1, 5).Select(i => budget.Take(TimeSpan.FromMilliseconds(i), 10 * MiB)).First(s => s is not null);

        Assert.Equal("sent more than 4 MiB a second (a flood, not a stream)", said);
    }
}
