using System.Buffers;
using System.Text.Json;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Core.Wire;

/// <summary>
/// <c>tuiports --stream</c>'s output: newline-delimited JSON, compact, one line per write. The first line is the
/// whole snapshot (the <c>--once --json</c> document); after it, a line only for a scan whose sockets changed, holding
/// only what changed (<see cref="StreamDelta"/>). Each line is written in one piece and flushed, so a reader at the
/// other end of a pipe or an ssh session sees whole lines as soon as they exist. Between them, when nothing was written
/// for a while, a <see cref="Heartbeat"/> line says the stream is alive (and fails at once when the reader is gone).
/// The traffic throttle is timed on <paramref name="time"/>'s monotonic clock (the system's by default), never on the
/// scans' wall-clock dates: a clock stepped back must not hold the counters back for the size of the step.
/// </summary>
public sealed class SnapshotStreamWriter(Stream output, TimeProvider? time = null)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Snapshot? _last;
    private long _trafficSentAt; // a monotonic timestamp

    /// <summary>
    /// How often tcp_info that moved is sent for sockets that did not otherwise change: a busy connection's counters
    /// reach the reader at most this often, an idle one's never (their counters do not move).
    /// </summary>
    public static readonly TimeSpan TrafficEvery = TimeSpan.FromSeconds(5);

    /// <summary>True once the first (whole) snapshot has been written.</summary>
    public bool Started => _last is not null;

    /// <summary>
    /// Writes what <paramref name="scan"/> (narrowed to <paramref name="sockets"/>) adds to what was written before:
    /// everything the first time, then the changes, or nothing. Returns the bytes written.
    /// </summary>
    public int Write(Snapshot scan, IReadOnlyList<SocketEntry> sockets)
    {
        var current = scan with { Sockets = new EquatableArray<SocketEntry>(sockets) };
        long now = _time.GetTimestamp();
        bool withTraffic = _last is null || _time.GetElapsedTime(_trafficSentAt, now) >= TrafficEvery;
        if (!withTraffic)
        {
            current = current with { Traffic = _last!.Traffic }; // what the reader holds: compared against next time
        }

        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer, SnapshotJsonWriter.Options(indented: false)))
        {
            if (_last is null)
            {
                SnapshotJsonWriter.Write(json, scan, sockets);
            }
            else
            {
                var delta = StreamDelta.Between(_last, current, withTraffic) with { After = scan };
                if (delta.IsEmpty)
                {
                    return 0;
                }

                delta.Write(json, Wording.Warnings(scan));
            }
        }

        _last = current;
        if (withTraffic)
        {
            _trafficSentAt = now;
        }

        return Send();
    }

    /// <summary>Writes <c>{"heartbeat":{"at":...,"lastScanMs":...}}</c>: this host's clock and its last scan's duration.</summary>
    public int WriteHeartbeat(Heartbeat heartbeat)
    {
        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer, SnapshotJsonWriter.Options(indented: false)))
        {
            heartbeat.Write(json);
        }

        return Send();
    }

    private int Send()
    {
        _buffer.Write("\n"u8);
        output.Write(_buffer.WrittenSpan);
        output.Flush();
        return _buffer.WrittenCount;
    }
}
