using TuiPorts.Core.Snapshots;

namespace TuiPorts.Ui;

/// <summary>
/// Test hook for the end-to-end reliability tests: <c>TUIPORTS_TEST_FAULTS=refresh,key</c> makes every third scan
/// throw and the <c>!</c> key throw inside its handler, so a real terminal run can prove both are survived.
/// Unset (always, outside tests), it changes nothing.
/// </summary>
public static class FaultInjection
{
    private static readonly string Faults = Environment.GetEnvironmentVariable("TUIPORTS_TEST_FAULTS") ?? string.Empty;

    public static bool InRefresh => Faults.Contains("refresh", StringComparison.Ordinal);

    public static bool InKeyHandler => Faults.Contains("key", StringComparison.Ordinal);

    public static ISnapshotSource Wrap(ISnapshotSource source) => InRefresh ? new FaultySource(source) : source;

    private sealed class FaultySource(ISnapshotSource inner) : ISnapshotSource
    {
        private int _scans;

        public Snapshot Take() => ++_scans % 3 == 0
            ? throw new IOException($"injected fault in scan {_scans}")
            : inner.Take();
    }
}
