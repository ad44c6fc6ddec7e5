using TuiPorts.Core.Filtering;
using TuiPorts.Core.Live;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Presentation;

/// <summary>How the screen is set up: refresh interval, read-only mode, and whether we run as root.</summary>
public sealed record ScreenOptions(TimeSpan Interval, bool ReadOnly, bool AsRoot)
{
    /// <summary>Why kills are off when <see cref="ReadOnly"/>: <c>--read-only</c>, or a <c>--proc-root</c> that is not the live /proc.</summary>
    public Killing.KillRefusal ReadOnlyReason { get; init; } = Killing.KillRefusal.ReadOnly;
}

/// <summary>What the detail pane shows: which socket (and its mark) in which snapshot. A new basis means a new pane.</summary>
public readonly record struct DetailBasis(SocketKey? Key, RowMark? Mark, Snapshot Snapshot);

/// <summary>
/// Everything the main screen shows, free of any UI type: the socket list, the filter as typed and as applied, the
/// listening-only toggle, pause, the latest refresh error, an expiring notice, and the text of the summary and
/// message lines. The window only draws it and forwards keys; tests drive it directly.
/// </summary>
public sealed class ScreenState
{
    /// <summary>How long a notice (a kill result) stays before the message line returns to warnings.</summary>
    public static readonly TimeSpan NoticeLifetime = TimeSpan.FromSeconds(15);

    private readonly ServicesFile _services;
    private readonly TimeProvider _time;
    private readonly ScreenOptions _options;
    private SocketQuery _baseQuery;
    private FilterText _filter = FilterText.None;
    private readonly List<string> _log = [];
    private string? _notice;
    private readonly long _started; // the origin of Elapsed: every duration here is monotonic
    private TimeSpan _noticeUntil;

    public ScreenState(SocketQuery initialQuery, ServicesFile services, TimeProvider time, ScreenOptions options)
    {
        _services = services;
        _time = time;
        _options = options;
        _started = time.GetTimestamp();
        _baseQuery = initialQuery with { Ports = null, Text = null };
        List = new SocketListState(Live.RefreshSettings.MarkLifetimeFor(options.Interval), options.Interval / 2);
        InitialFilterText = initialQuery.Ports?.Text ?? string.Empty;
    }

    public SocketListState List { get; }

    public ScreenOptions Options => _options;

    /// <summary>What <c>--port</c> put in the filter field at start.</summary>
    public string InitialFilterText { get; }

    /// <summary>Why the text in the filter field is not applied (null when it is valid).</summary>
    public string? FilterError { get; private set; }

    public bool ListeningOnly => _baseQuery.ListeningOnly;

    public bool Paused { get; private set; }

    public string? RefreshError { get; private set; }

    /// <summary>In a view of several hosts (<c>--ssh</c>): every host's status; empty for this machine alone.</summary>
    public IReadOnlyList<TuiPorts.Core.Model.HostStatus> Hosts { get; private set; } = [];

    /// <summary>One line per host that is not live (connecting, unreachable, garbage), at most three (the third sums up the rest).</summary>
    public IReadOnlyList<string> HostLines => StatusLines.Hosts(Hosts, HostClock);

    /// <summary>The host lines cut to the screen's width (never wrapped: every host not live stays visible).</summary>
    public IReadOnlyList<string> HostLinesFor(int width) => StatusLines.Hosts(Hosts, HostClock, width);

    /// <summary>True when <paramref name="host"/> is stale: its rows are its last known ones, drawn dimmed.</summary>
    public bool IsStale(string? host) => host is not null && Hosts.Any(h => h.Host == host && h.State == TuiPorts.Core.Model.HostState.Stale);

    /// <summary>The status of <paramref name="host"/>, or null for this machine alone.</summary>
    public TuiPorts.Core.Model.HostStatus? HostStatusOf(string? host) => host is null ? null : Hosts.FirstOrDefault(h => h.Host == host);

    /// <summary>The notice, while it has not expired.</summary>
    public string? Notice => _notice is not null && Elapsed < _noticeUntil ? _notice : null;

    /// <summary>
    /// Monotonic now on the clock the host feeds stamp their statuses with (retry due, silent since): what a host's
    /// countdown and silence are measured against, never the wall clock.
    /// </summary>
    public TimeSpan HostClock => Live.Monotonic.Now(_time);

    /// <summary>Monotonic time since this screen started: what the marks and the notice expire on.</summary>
    private TimeSpan Elapsed => _time.GetElapsedTime(_started);

    public string SummaryLine => StatusLines.Summary(List, Paused, _options.Interval, ListeningOnly, _options.ReadOnly, Hosts)
        + StatusLines.States(List.Snapshot, StateFilter);

    public string MessageLine => StatusLines.Message(RefreshError, Notice, List.Snapshot);

    /// <summary>True when the message line reports a problem (drawn in the error colour).</summary>
    public bool MessageIsError => RefreshError is not null || List.Snapshot.HiddenHolderSockets > 0;

    /// <summary>Every notice and failed refresh so far, oldest first, each whole and timed (<c>m</c> shows them).</summary>
    public IReadOnlyList<string> MessageLog => _log;

    /// <summary>True while a filter (typed text or ports) narrows the table: Esc clears it.</summary>
    public bool IsFiltered => _filter.Ports is not null || _filter.Text is not null;

    /// <summary>What the detail pane says when no row is shown: still waiting, or what the filter did not find.</summary>
    public string EmptyText => List.Snapshot.TakenAt == DateTimeOffset.UnixEpoch
        ? Wording.WaitingForFirstScan
        : Wording.NothingMatches(_filter.Ports?.Text, _filter.Text);

    public DetailBasis Detail => new(List.SelectedRow?.Key, List.SelectedRow?.Mark, List.Snapshot);

    /// <summary>
    /// The ports the scan itself can be narrowed to (the kernel filters the dump): the applied filter's port ranges,
    /// unless it also means text (a service name such as "ssh" matches sshd too) - then everything must be read.
    /// </summary>
    public PortFilter? PortPrefilter => _filter.Ports is { IsServiceNameOnly: false } ports && _filter.Text is null ? ports : null;

    /// <summary>
    /// The filter field's text changed. Valid text is applied; invalid text is flagged and the last valid filter stays
    /// applied, so the table never empties by surprise.
    /// </summary>
    public void SetFilterText(string? text)
    {
        var parsed = FilterText.Parse(text, _services);
        FilterError = parsed.Error is { } problem ? Wording.PortFilter(problem) : null;
        if (parsed.IsValid)
        {
            _filter = parsed;
        }

        ApplyQuery();
    }

    public void ToggleListeningOnly()
    {
        _baseQuery = _baseQuery with { ListeningOnly = !_baseQuery.ListeningOnly };
        ApplyQuery();
    }

    /// <summary>Flips pause and returns the new state.</summary>
    public bool TogglePause() => Paused = !Paused;

    public void SetSort(SortOrder sort) => List.SetSort(sort);

    /// <summary>The state the table is narrowed to (<c>s</c>), or null for every state.</summary>
    public string? StateFilter => _baseQuery.State;

    /// <summary>
    /// <c>s</c>: the next TCP state present in the snapshot (in the kernel's order: ESTABLISHED, SYN_SENT, SYN_RECV,
    /// FIN_WAIT1 ... CLOSE_WAIT ..., LISTEN last), after the last one every state again.
    /// </summary>
    public void CycleStateFilter()
    {
        var present = List.Snapshot.Sockets.Where(s => s.Protocol.IsTcp()).Select(s => s.State).ToHashSet();
        var order = SocketStates.ConnectionStates.Append(SocketStates.Listen).Where(present.Contains).ToList();
        int next = StateFilter is { } current ? order.IndexOf(current) + 1 : 0;
        _baseQuery = _baseQuery with { State = next < order.Count ? order[next] : null };
        ApplyQuery();
    }

    /// <summary>
    /// <c>g</c>: moves the highlight to the other end of the highlighted connection. Null when it moved; else why not
    /// (a sentence for the message line).
    /// </summary>
    public string? GoToOtherEnd()
    {
        if (List.SelectedRow is not { } row)
        {
            return Wording.NoSocketHighlighted;
        }

        if (List.Snapshot.PeerOf(row.Socket) is not { } peer)
        {
            return row.Socket.IsListening ? Wording.ListenerHasNoOtherEnd : Wording.NoOtherEnd;
        }

        int index = List.Rows.ToList().FindIndex(r => r.Key == peer.Key);
        if (index < 0)
        {
            return Wording.OtherEndFiltered(peer);
        }

        List.Select(index);
        return null;
    }

    /// <summary>
    /// A new snapshot, or a failed scan (the last good snapshot stays on screen). A snapshot narrowed to another port
    /// filter than the one now typed is stale (the scan for the new filter is already under way) and is dropped.
    /// </summary>
    public void Apply(RefreshResult result)
    {
        if (result.Snapshot is { } snapshot)
        {
            if (result.Hosts.Count == 0 && snapshot.Scope != PortPrefilter?.Text)
            {
                return; // (several hosts: the merge is never narrowed to the typed filter, so it is never stale)
            }

            RefreshError = null;
            Hosts = result.Hosts;
            List.ApplySnapshot(snapshot, Elapsed);
        }
        else
        {
            string? error = result.Failure is { } failure ? Wording.RefreshFailed(failure) : null;
            if (error is not null && error != RefreshError)
            {
                Log(error);
            }

            RefreshError = error;
        }
    }

    public void ShowNotice(string notice)
    {
        Log(notice);
        _notice = notice;
        _noticeUntil = Elapsed + NoticeLifetime;
    }

    /// <summary>Expires highlights and the notice. True when something visible changed.</summary>
    public bool Tick()
    {
        bool noticeExpired = _notice is not null && Notice is null;
        if (noticeExpired)
        {
            _notice = null;
        }

        bool retrying = Hosts.Any(h => (h.RetryAt is not null && h.IsUnreachable) || h.State == TuiPorts.Core.Model.HostState.Stale); // its countdown moves
        return List.Expire(Elapsed) | noticeExpired | retrying;
    }

    private void Log(string message)
    {
        const int Keep = 500;
        if (_log.Count == Keep)
        {
            _log.RemoveAt(0);
        }

        _log.Add($"{Formats.ClockTime(_time.GetUtcNow())}  {message}");
    }

    private void ApplyQuery()
    {
        _notice = null; // a new view: old kill results and hints no longer apply
        List.SetQuery(_filter.ApplyTo(_baseQuery));
    }
}
