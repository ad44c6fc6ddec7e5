namespace TuiPorts.Core.Scanning;

/// <summary>
/// Drops the rows that list a socket again (the kernel repeats rows under churn), as a snapshot's join does: the
/// first row of each socket counts, a socket being its (namespace, protocol, inode), or its ends and state without an
/// inode. The tcp_info a snapshot shows for a repeated connection is its last row's, so that moves to the first.
/// </summary>
/// <remarks>
/// By sorting row numbers by that identity (4 bytes a row) instead of a set of identities (~30 bytes a row): a
/// one-shot's memory is what it keeps.
/// </remarks>
internal static class OnceRepeats
{
    /// <summary>Removes the repeats from the first <paramref name="count"/> rows (in arrival order), keeping the order; the rows left.</summary>
    public static int Drop(OnceSocket[] all, int count)
    {
        var rows = all.AsSpan(0, count);
        var order = new int[count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => CompareIdentity(all[a], all[b]) is var c && c != 0 ? c : a.CompareTo(b));
        bool any = false;
        for (int run = 0; run < order.Length;)
        {
            int end = run + 1;
            while (end < order.Length && CompareIdentity(all[order[run]], all[order[end]]) == 0)
            {
                end++;
            }

            if (end - run > 1)
            {
                any = true;
                Merge(rows, order.AsSpan(run, end - run));
            }

            run = end;
        }

        return any ? Compact(rows) : rows.Length;
    }

    /// <summary>The first row stays, with the last tcp_info of the run; the others are marked (arrival -1).</summary>
    private static void Merge(Span<OnceSocket> rows, ReadOnlySpan<int> run)
    {
        int tcpInfo = rows[run[0]].TcpInfo;
        foreach (int i in run)
        {
            tcpInfo = rows[i].TcpInfo >= 0 ? rows[i].TcpInfo : tcpInfo;
        }

        rows[run[0]] = rows[run[0]] with { TcpInfo = tcpInfo };
        foreach (int i in run[1..])
        {
            rows[i] = rows[i] with { Arrival = -1 };
        }
    }

    private static int Compact(Span<OnceSocket> rows)
    {
        int kept = 0;
        foreach (var row in rows)
        {
            if (row.Arrival >= 0)
            {
                rows[kept++] = row;
            }
        }

        return kept;
    }

    private static int CompareIdentity(in OnceSocket x, in OnceSocket y)
    {
        int c = x.Netns.CompareTo(y.Netns);
        c = c != 0 ? c : ((int)x.Protocol).CompareTo((int)y.Protocol);
        c = c != 0 ? c : (x.Inode == 0).CompareTo(y.Inode == 0);
        c = c != 0 ? c : x.Inode.CompareTo(y.Inode);
        if (c != 0 || x.Inode != 0)
        {
            return c;
        }

        c = x.LocalAddress.CompareTo(y.LocalAddress);
        c = c != 0 ? c : x.LocalPort.CompareTo(y.LocalPort);
        c = c != 0 ? c : x.RemoteAddress.CompareTo(y.RemoteAddress);
        c = c != 0 ? c : x.RemotePort.CompareTo(y.RemotePort);
        return c != 0 ? c : x.State.CompareTo(y.State);
    }
}
