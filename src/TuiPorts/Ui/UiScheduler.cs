using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Terminal.Gui.App;

namespace TuiPorts.Ui;

/// <summary>
/// An Rx scheduler that runs work on Terminal.Gui's UI loop (<c>app.Invoke</c>, <c>app.AddTimeout</c> for delays),
/// so <c>ObserveOn(ui)</c> is the one place where data crosses onto the thread that may touch views.
/// </summary>
public sealed class UiScheduler(IApplication app) : LocalScheduler
{
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        var result = new SingleAssignmentDisposable();
        var cancel = new BooleanDisposable();
        void Run()
        {
            if (!cancel.IsDisposed)
            {
                result.Disposable = action(this, state);
            }
        }

        if (dueTime <= TimeSpan.Zero)
        {
            app.Invoke(Run);
        }
        else
        {
            app.AddTimeout(dueTime, () =>
            {
                Run();
                return false;
            });
        }

        return new CompositeDisposable(cancel, result);
    }
}
