using Terminal.Gui.Input;
using TuiPorts.Core.Presentation;

namespace TuiPorts.Ui;

/// <summary>The window's keys (see <see cref="KeyHelp"/>): the table's htop-style keys and the filter field's few.</summary>
public sealed partial class MainWindow
{
    private void OnKeyDown(object? sender, Key key)
    {
        if (_app.TopRunnableView != this || key.Handled)
        {
            return; // a dialog is open: its keys are its own
        }

        if (key == Key.Z.WithCtrl && SuspendRequested is not null)
        {
            key.Handled = true;
            Guard(() => SuspendRequested());
            return;
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

        return false; // everything else is text: k, K and q typed here never kill or quit
    }

    private bool HandleTableKey(Key key)
    {
        if (key == Key.F10 || key == Key.C.WithCtrl)
        {
            _app.RequestStop();
            return true;
        }

        if (key == Key.F1)
        {
            ShowHelp();
            return true;
        }

        if (key == Key.F6)
        {
            ChangeSort(_state.Sort.Next(1));
            return true;
        }

        if (key == Key.F9)
        {
            RequestKill(SignalMenuRequested);
            return true;
        }

        if (key == Key.Backspace)
        {
            string text = _filter.Text ?? string.Empty;
            _filter.Text = text.Length > 0 ? text[..^1] : text;
            return true;
        }

        if (key == Key.Esc)
        {
            _filter.Text = string.Empty; // and never quit: Esc is Terminal.Gui's default quit key
            return true;
        }

        if (key.IsCtrl || key.IsAlt || !key.AsRune.IsBmp || key.AsRune.Value == 0)
        {
            return false;
        }

        char c = (char)key.AsRune.Value;
        switch (c)
        {
            case >= '0' and <= '9' or ',' or '-':
                _filter.Text = (_filter.Text ?? string.Empty) + c;
                return true;
            case '/':
                _filter.SetFocus();
                return true;
            case 'K':
                RequestKill(KillRequested);
                return true;
            case 'q':
                _app.RequestStop();
                return true;
            case ' ':
                TogglePause();
                return true;
            case 'l':
                _baseQuery = _baseQuery with { ListeningOnly = !_baseQuery.ListeningOnly };
                ApplyQuery();
                return true;
            case '>':
                ChangeSort(_state.Sort.Next(1));
                return true;
            case '<':
                ChangeSort(_state.Sort.Next(-1));
                return true;
            case 'I':
                ChangeSort(_state.Sort.Inverted());
                return true;
            case '?':
                ShowHelp();
                return true;
            case '!' when FaultInjection.InKeyHandler:
                throw new InvalidOperationException("injected fault in a key handler");
            default:
                return false;
        }
    }
}
