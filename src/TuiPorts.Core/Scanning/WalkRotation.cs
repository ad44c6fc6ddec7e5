namespace TuiPorts.Core.Scanning;

/// <summary>
/// Spreads the periodic re-walk of every known process over the refreshes of one period instead of one burst: each
/// refresh takes the processes walked longest ago, as many as its share of the period (elapsed / period of them, a
/// tenth at 1 s of 10 s), and every process whose last walk is a whole period old whatever the share. So no holder
/// list is staler than the period, and the fds read per refresh stay level. Timestamps come from
/// <see cref="TimeProvider.GetTimestamp"/> (monotonic).
/// </summary>
public sealed class WalkRotation(TimeProvider time)
{
    /// <summary>Walk order, oldest first; an entry whose stamp is not the pid's latest is stale and skipped.</summary>
    private readonly Queue<(int Pid, long At)> _order = new();
    private readonly Dictionary<int, long> _walkedAt = [];

    public int Count => _walkedAt.Count;

    /// <summary>When <paramref name="pid"/> was last walked; null when it is not tracked.</summary>
    public long? WalkedAt(int pid) => _walkedAt.TryGetValue(pid, out long at) ? at : null;

    /// <summary><paramref name="pid"/> was walked at <paramref name="at"/> (at least as late as every earlier call).</summary>
    public void Walked(int pid, long at)
    {
        _walkedAt[pid] = at;
        _order.Enqueue((pid, at));
        if (_order.Count > (2 * _walkedAt.Count) + 64)
        {
            Compact();
        }
    }

    /// <summary>The process is gone (or its walk failed): not tracked any more.</summary>
    public void Forget(int pid) => _walkedAt.Remove(pid);

    public void Clear()
    {
        _order.Clear();
        _walkedAt.Clear();
    }

    /// <summary>
    /// Adds to <paramref name="due"/> the processes to re-walk now: the oldest <paramref name="share"/> of those
    /// tracked (rounded up), plus any not walked for a whole <paramref name="period"/>. Pids in
    /// <paramref name="already"/> are walked anyway and not added. Returns how many were a whole period old.
    /// </summary>
    public int TakeDue(long now, double share, TimeSpan period, List<int> due, IReadOnlySet<int> already)
    {
        int budget = (int)Math.Ceiling(_walkedAt.Count * Math.Clamp(share, 0, 1));
        int overdue = 0;
        while (_order.TryPeek(out var next))
        {
            if (!_walkedAt.TryGetValue(next.Pid, out long at) || at != next.At)
            {
                _order.Dequeue(); // walked again since, or gone
                continue;
            }

            bool old = time.GetElapsedTime(at, now) >= period;
            if (!old && budget <= 0)
            {
                break;
            }

            _order.Dequeue();
            _walkedAt[next.Pid] = long.MinValue; // taken: its next Walked() puts it back in line
            budget--;
            overdue += old ? 1 : 0;
            if (!already.Contains(next.Pid))
            {
                due.Add(next.Pid);
            }
        }

        return overdue;
    }

    /// <summary>Drops the stale entries (the queue keeps at most one live entry per pid).</summary>
    private void Compact()
    {
        var live = _order.Where(entry => _walkedAt.TryGetValue(entry.Pid, out long at) && at == entry.At).ToList();
        _order.Clear();
        foreach (var entry in live)
        {
            _order.Enqueue(entry);
        }
    }
}
