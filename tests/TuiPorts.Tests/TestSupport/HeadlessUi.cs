using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using TuiPorts.Core.Live;
using TuiPorts.Core.Scanning;
using TuiPorts.Ui;

namespace TuiPorts.Tests.TestSupport;

/// <summary>The real <see cref="MainWindow"/> on Terminal.Gui's ANSI driver with no terminal behind it.</summary>
public sealed class HeadlessUi : IDisposable
{
    private readonly SessionToken? _token;
    private readonly TimeSpan _modalLimit;
    private string? _hung;

    /// <param name="modalLimit">A dialog still open this long (30 s) after it opened would hang its test for ever (the key
    /// meant to close it did not): it is closed, and the test fails when the UI is disposed.</param>
    public HeadlessUi(UiContext context, int width = 100, int height = 30, TimeSpan? modalLimit = null)
    {
        _modalLimit = modalLimit ?? TimeSpan.FromSeconds(30);
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(App, context);
        App.SessionBegun += (_, e) => LimitModal(e.State.Runnable);
        _token = App.Begin(Window);
        App.LayoutAndDraw();
    }

    public IApplication App { get; }

    public MainWindow Window { get; }

    public string Screen
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString() ?? string.Empty;
        }
    }

    /// <summary>
    /// Runs <paramref name="act"/> once, inside the next dialog's own loop after it has opened (to read it, or press the
    /// key that closes it). A timer set before the key that opens the dialog could fire before the dialog exists on a
    /// slow machine, and its key would go to the window instead; so it waits until the dialog is on top with the focus.
    /// </summary>
    public void WhenDialogOpens(Action act)
    {
        bool done = false;
        App.SessionBegun += (_, e) =>
        {
            if (done || e.State.Runnable is null || ReferenceEquals(e.State.Runnable, Window))
            {
                return;
            }

            done = true;
            var dialog = e.State.Runnable;
            App.AddTimeout(TimeSpan.FromMilliseconds(10), () =>
            {
                if (!ReferenceEquals(App.TopRunnableView, dialog) || dialog is View { HasFocus: false })
                {
                    return true; // not on top with the focus yet: look again in 10 ms
                }

                act();
                return false;
            });
        };
    }

    public void Show(Snapshot snapshot) => Window.Apply(RefreshResult.Ok(snapshot, TimeSpan.Zero));

    public void Press(Key key)
    {
        App.InjectKey(key);
        App.LayoutAndDraw();
    }

    /// <summary>Types each character as a key press.</summary>
    public void Type(string text)
    {
        foreach (char c in text)
        {
            Press(new Key(c));
        }
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    private void LimitModal(IRunnable? runnable)
    {
        if (runnable is null || ReferenceEquals(runnable, Window))
        {
            return;
        }

        App.AddTimeout(_modalLimit, () =>
        {
            if (runnable.IsRunning)
            {
                _hung = runnable.GetType().Name;
                App.RequestStop(runnable);
            }

            return false;
        });
    }

    public void Dispose()
    {
        if (_token is not null)
        {
            App.End(_token);
        }

        Window.Dispose();
        App.Dispose();
        if (_hung is not null)
        {
            throw new InvalidOperationException($"a {_hung} was still open {_modalLimit.TotalSeconds} s after it opened: the key meant to close it did not");
        }
    }
}
