using TuiPorts.Core.Netlink;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>
/// <c>c</c> on a connection's row: "close this connection only (the process keeps running)". Asks first (the default
/// answer is no), then SOCK_DESTROY through <see cref="IConnectionCloser"/>; the outcome goes to the message line and
/// the next scan shows the connection gone. Listeners, UDP and rows of other namespaces or hosts are refused with a
/// sentence, before anything is asked.
/// </summary>
public sealed class CloseController : IDisposable
{
    private readonly MainWindow _window;
    private readonly Func<SocketEntry, bool> _confirm;
    private readonly IConnectionCloser _closer;
    private readonly Action _refresh;
    private readonly Core.Killing.KillRefusal _off;

    /// <param name="confirm">The question (default no); true only when the person chose to close.</param>
    /// <param name="off">Why changing things is off (read-only, not the live procfs), or <c>None</c>: as for kills.</param>
    public CloseController(MainWindow window, Func<SocketEntry, bool> confirm, IConnectionCloser closer, Action refresh, Core.Killing.KillRefusal off)
    {
        _window = window;
        _confirm = confirm;
        _closer = closer;
        _refresh = refresh;
        _off = off;
        window.CloseRequested += OnCloseRequested;
    }

    public void Dispose() => _window.CloseRequested -= OnCloseRequested;

    private void OnCloseRequested(SocketRow row)
    {
        var snapshot = _window.State.Snapshot;
        var socket = row.Socket;
        if (_off != Core.Killing.KillRefusal.None)
        {
            _window.ShowNotice(Wording.Refusal(_off));
            return;
        }

        if (!socket.Protocol.IsTcp() || socket.IsListening || socket.Inode == 0 || socket.Host is not null || snapshot.InOtherNetns(socket) || row.Mark == RowMark.Gone)
        {
            _window.ShowNotice(Wording.NotClosable(socket));
            return;
        }

        if (!_confirm(socket))
        {
            _window.ShowNotice("close cancelled: nothing closed");
            return;
        }

        var outcome = _closer.Close(socket, snapshot.OwnNetns);
        _window.ShowNotice($"{Wording.CloseOutcome(outcome)}: {Wording.Connection(socket)}");
        _refresh();
    }
}
