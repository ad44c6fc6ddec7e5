using Terminal.Gui.Input;
using TuiPorts.Core.Scanning;

namespace TuiPorts.Ui;

/// <summary>
/// Faults for the end-to-end reliability tests, injected through the launcher's seams (the snapshot source and the key
/// table), never inside production handlers: <c>TUIPORTS_TEST_FAULTS=refresh,key</c> makes every third scan throw and
/// binds <c>!</c> to a key that throws in its handler. Unset (always, outside tests), nothing changes.
/// </summary>
public sealed class FaultInjection(string faults)
{
    public static FaultInjection FromEnvironment() => new(Environment.GetEnvironmentVariable("TUIPORTS_TEST_FAULTS") ?? string.Empty);

    public ISnapshotSource Wrap(ISnapshotSource source) =>
        faults.Contains("refresh", StringComparison.Ordinal) ? new FaultySource(source) : source;

    public KeyTable Wrap(KeyTable keys) => faults.Contains("key", StringComparison.Ordinal)
        ? keys.With(new KeyBinding(UiCommand.None, "!", "injected fault (tests only)", [new Key('!')],
            Handler: () => throw new InvalidOperationException("injected fault in a key handler")))
        : keys;

    private sealed class FaultySource(ISnapshotSource inner) : ISnapshotSource
    {
        private int _scans;

        public Snapshot Take() => ++_scans % 3 == 0
            ? throw new IOException($"injected fault in scan {_scans}")
            : inner.Take();
    }
}
