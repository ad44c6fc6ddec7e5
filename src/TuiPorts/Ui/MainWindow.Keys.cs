using Terminal.Gui.Input;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>The window's keys: the filter field's few, and on the table whatever <see cref="KeyTable"/> says.</summary>
public sealed partial class MainWindow
{
    private void OnKeyDown(object? sender, Key key)
    {
        if (_app.TopRunnableView != this || key.Handled || _table.HasFocus)
        {
            return; // a dialog is open: its keys are its own; the table asks the key table itself (PortsTableView.Commands)
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
                ShowText("tuiports keys", _context.Keys.HelpLines((_app.Driver?.Cols ?? 80) - 6, _context.Glyphs));
                break;
            case UiCommand.ProcessTree:
                if (State.SelectedRow is { } row)
                {
                    ShowText($"holders of {Wording.SocketLabel(row.Socket)}", HolderTreeText.Lines(row.Socket, _screen.Options.AsRoot));
                }
                else
                {
                    ShowNotice("no socket is highlighted");
                }

                break;
            case UiCommand.ToggleDetails:
                _paneMode = _paneMode switch { PaneMode.Shown => PaneMode.Zoomed, PaneMode.Zoomed => PaneMode.Hidden, _ => PaneMode.Shown };
                Render();
                break;
            case UiCommand.ToggleOtherFds:
                _otherFds = !_otherFds;
                _detailBasis = null; // the same socket, drawn again with or without its other fds
                RenderDetails();
                break;
            case UiCommand.MessageLog:
                ShowText("messages", _screen.MessageLog.Count > 0 ? _screen.MessageLog : ["no messages yet"]);
                break;
            case UiCommand.ToggleMouse:
                SetMouse(!_mouse);
                ShowNotice(_mouse ? "mouse on: click selects a row, the wheel scrolls" : "mouse off: the terminal selects text again (M turns it back on)");
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

    private void ShowText(string title, IReadOnlyList<string> lines) =>
        TextDialog.Show(_app, title, lines, _context.Glyphs.Unicode ? Terminal.Gui.Drawing.LineStyle.Single : Terminal.Gui.Drawing.LineStyle.None);

    /// <summary>Clicks and the wheel (never any-motion tracking), or none: the terminal's own selection.</summary>
    private void SetMouse(bool on)
    {
        _mouse = on;
        _app.Mouse.IsMouseDisabled = !on;
        _app.Driver?.WriteRaw(on ? UiLauncher.MouseOn : UiLauncher.MouseOff);
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

        if (_screen.HostStatusOf(row.Socket.Host) is { State: TuiPorts.Core.Model.HostState.Stale } stale)
        {
            ShowNotice(Wording.KillOnStaleHost(stale, _screen.HostClock)); // its row may be gone already: ask nothing, send nothing
            return;
        }

        handler(row);
    }
}
