using System.Diagnostics;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Cli;

/// <summary>
/// <c>tuiports --once --json | head</c>: the reader goes away mid-document. tuiports stops quietly with SIGPIPE's status,
/// as <c>ss | head</c> does; System.CommandLine's default handler used to catch the broken pipe first and print
/// "Unhandled exception" with its stack, exit 1.
/// </summary>
public sealed class BrokenPipeTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public BrokenPipeTests()
    {
        // ~2 MB of JSON: far more than a pipe holds, so the writer is still writing when the reader leaves
        _proc.WriteTable("tcp", Enumerable.Range(0, 6000)
            .Select(i => Row(i, $"0100007F:{1024 + i:X4}", "0100007F:0050", "01", (ulong)(10_000 + i)))
            .ToArray());
    }

    public void Dispose() => _proc.Dispose();

    [Fact]
    public async Task A_reader_that_leaves_early_gets_no_stack_trace_and_the_pipe_status()
    {
        var start = new ProcessStartInfo("dotnet", [CliProcess.AppDll, "--once", "--json", "--proc-root", _proc.Root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var first = new char[100];
        int read = await process.StandardOutput.ReadAsync(first, 0, first.Length);
        process.StandardOutput.Close(); // `head -c 100`
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token); // a hang fails the test here (cancelled), never the run

        Assert.True(read > 0);
        Assert.Equal(string.Empty, await stderr);
        Assert.Equal(128 + 13, process.ExitCode);
    }
}
