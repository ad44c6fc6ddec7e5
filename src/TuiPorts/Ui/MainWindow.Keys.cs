using Terminal.Gui.Input;
using TuiPorts.Core.Killing;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>The window's keys: the filter field's few, and on the table whatever <see cref="KeyTable"/> says.</summary>
public sealed partial class MainWindow
{
    private void OnKeyDown(object? sender, Key key)
    {
        if (_app.TopRunnableView != this || key.Handled)
        {
            return; // a dialog is open: its keys are its own
        }

        Guard(() => key.Handled = _filter.HasFocus ? HandleFilterKey(key) : HandleTableKey(key));
    }

    private bool HandleFilterKey(Key key)
    {
        if (key == Key.Enter || key == Key.Esc || key == Key.CursorDown)
        {
            _table.SetFocus();
            return true;
        }

        if (key == Key.Z.WithCtrl || key == Key.C.WithCtrl)
        {
            return HandleTableKey(key); // suspend and quit work everywhere
        }

        return false; // everything else is text: k, K and q typed here never kill or quit
    }

    private bool HandleTableKey(Key key)
    {
        if (_context.Keys.Find(key) is { } binding)
        {
            Run(binding);
            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && key.AsRune.IsBmp && KeyTable.IsFilterChar((char)key.AsRune.Value))
        {
            _filter.Text = (_filter.Text ?? string.Empty) + (char)key.AsRune.Value;
            return true;
        }

        return false;
    }

    private void Run(KeyBinding binding)
    {
        if (binding.Handler is { } handler)
        {
            handler();
            return;
        }

        if (!binding.InReadOnly && _screen.Options.ReadOnly)
        {
            ShowNotice(Wording.Refusal(_screen.Options.ReadOnlyReason));
            return;
        }

        switch (binding.Command)
        {
            case UiCommand.DeleteFilterChar:
                string text = _filter.Text ?? string.Empty;
                _filter.Text = text.Length > 0 ? text[..^1] : text;
                break;
            case UiCommand.ClearFilter:
                _filter.Text = string.Empty; // and never quit: Esc is Terminal.Gui's default quit key
                break;
            case UiCommand.FocusFilter:
                _filter.SetFocus();
                break;
            case UiCommand.Kill:
                RequestKill(KillRequested);
                break;
            case UiCommand.SignalMenu:
                RequestKill(SignalMenuRequested);
                break;
            case UiCommand.SortNext:
                ChangeSort(State.Sort.Next(1));
                break;
            case UiCommand.SortPrevious:
                ChangeSort(State.Sort.Next(-1));
                break;
            case UiCommand.InvertSort:
                ChangeSort(State.Sort.Inverted());
                break;
            case UiCommand.SortTraffic:
                ChangeSort(new SortOrder(SortColumn.Traffic));
                break;
            case UiCommand.StateFilter:
                _screen.CycleStateFilter();
                Render();
                break;
            case UiCommand.GoToOtherEnd:
                if (_screen.GoToOtherEnd() is { } why)
                {
                    _screen.ShowNotice(why);
                }

                Render();
                break;
            case UiCommand.CloseConnection:
                RequestKill(CloseRequested);
                break;
            case UiCommand.ListeningOnly:
                _screen.ToggleListeningOnly();
                Render();
                break;
            case UiCommand.Pause:
                PauseToggled?.Invoke(_screen.TogglePause());
                Render();
                break;
            case UiCommand.Help:
                Terminal.Gui.Views.MessageBox.Query(_app, "tuiports keys", _context.Keys.HelpText((_app.Driver?.Cols ?? 80) - 8), wrapMessage: false, "Close");
                break;
            case UiCommand.Hosts:
                ShowHosts();
                break;
            case UiCommand.Quit:
                _app.RequestStop();
                break;
            case UiCommand.Suspend:
                SuspendRequested?.Invoke();
                break;
        }
    }

    /// <summary>H: every host with its state, last data time, lag and bytes/s (a snapshot of them; Close returns).</summary>
    private void ShowHosts()
    {
        var lines = HostList.Lines(_screen.Hosts, _screen.HostClock);
        int width = Math.Max(20, (_app.Driver?.Cols ?? 80) - 8);
        string text = string.Join('\n', lines.Select(l => StatusLines.Cut(TerminalText.Sanitize(l), width)));
        Terminal.Gui.Views.MessageBox.Query(_app, "hosts", text, wrapMessage: false, "Close");
    }

    private void ChangeSort(SortOrder sort)
    {
        _screen.SetSort(sort);
        Render();
    }

    private void RequestKill(Action<SocketRow>? handler)
    {
        if (State.SelectedRow is not { } row)
        {
            ShowNotice("nothing to kill: no socket is highlighted");
            return;
        }

        if (handler is null)
        {
            ShowNotice("killing is not available here");
            return;
        }

        if (_screen.HostStatusOf(row.Socket.Host) is { State: Core.Remote.HostState.Stale } stale)
        {
            ShowNotice(Wording.KillOnStaleHost(stale, _screen.HostClock)); // its row may be gone already: ask nothing, send nothing
            return;
        }

        handler(row);
    }
}
