using System.Diagnostics;

namespace TuiPorts.Tests.TestSupport;

/// <summary>Runs the built <c>tuiports</c> as a real process (optionally as the unprivileged user nobody).</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "tuiports.dll");

    public static Result Run(IEnumerable<string> args, bool asNobody = false)
    {
        var start = asNobody
            ? new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", AppDll, .. args])
            : new ProcessStartInfo("dotnet", [AppDll, .. args]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"tuiports {string.Join(' ', args)} did not exit within 60 s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
