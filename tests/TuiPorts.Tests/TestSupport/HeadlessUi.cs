using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiPorts.Core.Live;
using TuiPorts.Core.Snapshots;
using TuiPorts.Ui;

namespace TuiPorts.Tests.TestSupport;

/// <summary>The real <see cref="MainWindow"/> on Terminal.Gui's ANSI driver with no terminal behind it.</summary>
public sealed class HeadlessUi : IDisposable
{
    private readonly SessionToken? _token;

    public HeadlessUi(UiContext context, int width = 100, int height = 30)
    {
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(App, context);
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

    public void Dispose()
    {
        if (_token is not null)
        {
            App.End(_token);
        }

        Window.Dispose();
        App.Dispose();
    }
}
