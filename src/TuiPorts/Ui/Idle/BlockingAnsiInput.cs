using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;
using static TuiPorts.Core.Interop.NativeMethods;

namespace TuiPorts.Ui.Idle;

/// <summary>
/// Terminal.Gui's ANSI input, but waiting in poll(2) on the terminal and a wake-up pipe instead of polling every 20 ms:
/// the input thread sleeps until a key arrives or the UI shuts down (terminal-gui-idle.md). Not attached to a terminal
/// (tests), it runs the stock loop. <see cref="InputArrived"/> tells the <see cref="IdleGate"/> to let the main loop run.
/// </summary>
public sealed class BlockingAnsiInput : AnsiInput, IInput<char>
{
    /// <summary>A hung-up terminal reports POLLHUP forever: back off instead of spinning.</summary>
    private static readonly TimeSpan HangupBackoff = TimeSpan.FromMilliseconds(100);

    private readonly WakePipe _wake = new();
    private ConcurrentQueue<char>? _queue;

    public event Action? InputArrived;

    void IInput<char>.Initialize(ConcurrentQueue<char> inputQueue)
    {
        _queue = inputQueue;
        Initialize(inputQueue);
    }

    void IInput<char>.Run(CancellationToken runCancellationToken)
    {
        if (!IsAttachedToTerminal || _queue is null)
        {
            Run(runCancellationToken); // the stock loop: tests and pipes
            return;
        }

        using var linked = ExternalCancellationTokenSource is { } external
            ? CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken, external.Token)
            : CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken);
        var token = linked.Token;
        using var registration = token.Register(_wake.Wake);
        while (!token.IsCancellationRequested)
        {
            bool any = false;
            while (Peek())
            {
                foreach (char c in Read())
                {
                    _queue.Enqueue(c);
                    any = true;
                }

                if (!any)
                {
                    break; // readable but nothing read: a hang-up, handled by the wait below
                }
            }

            if (any)
            {
                InputArrived?.Invoke();
            }

            WaitForInput(token);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _wake.Dispose();
    }

    private unsafe void WaitForInput(CancellationToken token)
    {
        PollFd* fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = 0, Events = PollIn };
        fds[1] = new PollFd { Fd = _wake.ReadFd, Events = PollIn };
        int ready = PollMany(fds, 2, -1);
        if (ready < 0)
        {
            if (Marshal.GetLastPInvokeError() != EINTR)
            {
                token.WaitHandle.WaitOne(HangupBackoff);
            }

            return;
        }

        if ((fds[1].Revents & PollIn) != 0)
        {
            _wake.Drain();
        }

        if ((fds[0].Revents & (PollHup | PollErr)) != 0 && (fds[0].Revents & PollIn) == 0)
        {
            token.WaitHandle.WaitOne(HangupBackoff);
        }
    }
}
