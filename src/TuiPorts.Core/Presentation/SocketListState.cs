using TuiPorts.Core.Filtering;

namespace TuiPorts.Core.Presentation;

/// <summary>How a row is highlighted: a socket that just appeared, or one that just went away (htop style).</summary>
public enum RowMark
{
    None,
    New,
    Gone,
}

public sealed record SocketRow(SocketEntry Socket, RowMark Mark)
{
    public SocketKey Key => Socket.Key;
}

/// <summary>
/// The table's state, free of any UI type: the latest snapshot filtered and sorted into rows, the sockets that just
/// appeared or went away (kept, marked, for <c>highlightFor</c>), and the selection - which follows the selected
/// socket's identity across refreshes, never its row index. Only the UI thread uses an instance.
/// </summary>
public sealed class SocketListState
{
    private readonly TimeSpan _highlightFor;
    private readonly TimeSpan _expireEarly;
    private readonly Dictionary<SocketKey, TimeSpan> _newUntil = [];
    private readonly Dictionary<SocketKey, (SocketEntry Socket, TimeSpan Until)> _gone = [];
    private bool _hasSnapshot;
    private HashSet<SocketKey> _currentKeys = [];

    /// <summary>The set before last, cleared and refilled: 10k keys make a ~700 KB large-object array, and a new one a
    /// second filled the large-object heap, whose collections are the expensive ones.</summary>
    private HashSet<SocketKey> _spareKeys = [];

    /// <param name="highlightFor">How long a new or gone socket stays marked.</param>
    /// <param name="expireEarly">
    /// How early a snapshot may drop a mark that is nearly due: the marks of a snapshot then leave with a later
    /// snapshot, in the same redraw, instead of in a redraw of their own a moment before or after it (under churn,
    /// that second redraw every second cost as much as the first). Half the refresh interval; zero by default.
    /// </param>
    public SocketListState(TimeSpan highlightFor, TimeSpan expireEarly = default)
    {
        _highlightFor = highlightFor;
        _expireEarly = expireEarly;
    }

    public Snapshot Snapshot { get; private set; } = Snapshot.Empty;

    public SocketQuery Query { get; private set; } = SocketQuery.All;

    public SortOrder Sort { get; private set; } = SortOrder.Default;

    public IReadOnlyList<SocketRow> Rows { get; private set; } = [];

    public SocketKey? SelectedKey { get; private set; }

    /// <summary>Index of the selected row, or -1 when the list is empty.</summary>
    public int SelectedIndex { get; private set; } = -1;

    public SocketRow? SelectedRow => SelectedIndex >= 0 ? Rows[SelectedIndex] : null;

    /// <summary>Rows that are live sockets (not the briefly kept gone ones).</summary>
    public int VisibleLiveCount => Rows.Count(r => r.Mark != RowMark.Gone);

    /// <param name="snapshot">The new picture.</param>
    /// <param name="now">
    /// Monotonic time (from any fixed origin, e.g. <see cref="TimeProvider.GetElapsedTime(long)"/> since start), never
    /// the wall clock: an NTP step back would keep the "new" and "gone" marks for as long as the step.
    /// </param>
    public void ApplySnapshot(Snapshot snapshot, TimeSpan now)
    {
        var current = _spareKeys;
        current.Clear();
        current.EnsureCapacity(snapshot.Sockets.Count); // sized: 10k keys were rehashed as the set grew
        foreach (var socket in snapshot.Sockets)
        {
            current.Add(socket.Key);
        }

        bool newScope = _hasSnapshot && snapshot.Scope != Snapshot.Scope;
        if (_hasSnapshot && !newScope) // a new scope (filter) is a new picture, not changes
        {
            foreach (var old in Snapshot.Sockets)
            {
                if (!current.Contains(old.Key))
                {
                    _gone[old.Key] = (old, now + _highlightFor);
                }
            }

            var previous = _currentKeys; // last time's keys: no need to hash the old snapshot again
            foreach (var key in current)
            {
                if (!previous.Contains(key))
                {
                    _newUntil[key] = now + _highlightFor;
                    _gone.Remove(key); // came back
                }
            }
        }

        bool first = !_hasSnapshot;
        _hasSnapshot = true;
        _spareKeys = _currentKeys;
        _currentKeys = current;
        Snapshot = snapshot;
        Expire(now + _expireEarly, rebuild: false);
        bool kept = Rebuild(keepSelection: true);
        if ((first || (newScope && !kept)) && Query.Ports is not null) // a new picture, and the highlight lost its row
        {
            SelectFirstListener(); // started with --port: the first picture lands on the listener too
        }
    }

    /// <summary>Drops highlights that have run out (<paramref name="now"/>: monotonic, as in <see cref="ApplySnapshot"/>).
    /// True when the rows changed (the view should redraw).</summary>
    public bool Expire(TimeSpan now) => Expire(now, rebuild: true);

    /// <summary>
    /// A new filter. The highlight moves to the first listener among the matches (if there is one), so "type the port,
    /// press K" is about the server that owns the port, not a worker's or a client's connection.
    /// </summary>
    public void SetQuery(SocketQuery query)
    {
        Query = query;
        Rebuild(keepSelection: true, firstWhenLost: true);
        SelectFirstListener();
    }

    private void SelectFirstListener()
    {
        int listener = -1;
        for (int i = 0; i < Rows.Count && listener < 0; i++)
        {
            listener = Rows[i].Socket.Role == SocketRole.Listener && Rows[i].Mark != RowMark.Gone ? i : -1;
        }

        if (listener >= 0)
        {
            Select(listener);
        }
    }

    public void SetSort(SortOrder sort)
    {
        Sort = sort;
        Rebuild(keepSelection: true);
    }

    public void Select(int index)
    {
        if (Rows.Count == 0)
        {
            SelectedIndex = -1;
            SelectedKey = null;
            return;
        }

        SelectedIndex = Math.Clamp(index, 0, Rows.Count - 1);
        SelectedKey = Rows[SelectedIndex].Key;
    }

    private bool Expire(TimeSpan now, bool rebuild)
    {
        int removed = 0;
        foreach (var (key, until) in _newUntil.ToList())
        {
            if (until <= now)
            {
                removed += _newUntil.Remove(key) ? 1 : 0;
            }
        }

        foreach (var (key, gone) in _gone.ToList())
        {
            if (gone.Until <= now)
            {
                removed += _gone.Remove(key) ? 1 : 0;
            }
        }

        if (removed > 0 && rebuild)
        {
            Rebuild(keepSelection: true);
        }

        return removed > 0;
    }

    /// <returns>True when the selected socket is still there (the highlight stayed on it).</returns>
    private bool Rebuild(bool keepSelection, bool firstWhenLost = false)
    {
        var rows = new List<SocketRow>(Snapshot.Sockets.Count + _gone.Count); // sized: growing to 10k left a 128 KB array a refresh
        foreach (var socket in Snapshot.Sockets)
        {
            if (Query.Matches(socket))
            {
                rows.Add(new SocketRow(socket, _newUntil.ContainsKey(socket.Key) ? RowMark.New : RowMark.None));
            }
        }

        foreach (var (socket, _) in _gone.Values)
        {
            if (Query.Matches(socket))
            {
                rows.Add(new SocketRow(socket, RowMark.Gone));
            }
        }

        Sort.SortRows(rows, Snapshot.RateOf);
        int previousIndex = SelectedIndex;
        Rows = rows;
        int found = keepSelection && SelectedKey is { } key ? rows.FindIndex(r => r.Key == key) : -1;
        Select(found >= 0 ? found : firstWhenLost ? 0 : previousIndex < 0 ? 0 : previousIndex);
        return found >= 0;
    }
}
