using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Live;

/// <summary>
/// Reads the open-fd tables of the highlighted socket's holders for the detail pane - up to thousands of readlinks
/// each - on the background scheduler, and hands the result back on the UI scheduler. A newer request supersedes an
/// older one still running, so moving the highlight quickly never shows a stale table.
/// </summary>
public sealed class FdTableLoader(ProcRoot root, IScheduler background, IScheduler ui) : IDisposable
{
    private readonly SerialDisposable _pending = new();

    /// <summary>Reads the fd tables of <paramref name="pids"/>; <paramref name="done"/> runs on the UI scheduler.</summary>
    public void Load(IReadOnlyList<int> pids, Action<IReadOnlyDictionary<int, FdListing>> done)
    {
        var request = new BooleanDisposable();
        _pending.Disposable = request;
        background.Schedule(() =>
        {
            if (request.IsDisposed)
            {
                return;
            }

            var tables = pids.Distinct().ToDictionary(pid => pid, pid => FdListing.Read(root, pid));
            ui.Schedule(() =>
            {
                if (!request.IsDisposed)
                {
                    done(tables);
                }
            });
        });
    }

    public void Dispose() => _pending.Dispose();
}
