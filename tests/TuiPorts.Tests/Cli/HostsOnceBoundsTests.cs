using System.Reactive.Linq;
using System.Text.Json;
using NSubstitute;
using TuiPorts.Cli;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Remote;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Hosting;
using TuiPorts.Core.Wire;

namespace TuiPorts.Tests.Cli;

/// <summary><c>--once --ssh</c> when hosts misbehave: each costs its own error entry, never the other hosts' answers.</summary>
public sealed class HostsOnceBoundsTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();
    private readonly IProcessLauncher _launcher = Substitute.For<IProcessLauncher>();

    public void Dispose() => _proc.Dispose();

    private void Answers(string host, IObservable<string> output, int exitCode = 0)
    {
        var process = Substitute.For<IRemoteProcess>();
        process.Output.Returns(output);
        process.ErrorText.Returns(string.Empty);
        process.ExitCode.Returns(exitCode);
        _launcher.Start("ssh", Arg.Is<IReadOnlyList<string>>(a => a.Contains(host))).Returns(process);
    }

    private static string Document(int localPort)
    {
        var snapshot = HostSnapshots.Of(HostSnapshots.Tcp(9000, 500, "LISTEN", HostSnapshots.Process(100)));
        using var wire = new MemoryStream();
        new SnapshotStreamWriter(wire).Write(snapshot, snapshot.Sockets);
        return System.Text.Encoding.UTF8.GetString(wire.ToArray()).TrimEnd('\n').Replace("\"localPort\":9000", $"\"localPort\":{localPort}", StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_cap_and_an_invalid_value_are_error_entries_and_the_good_host_is_answered()
    {
        Answers("good", Observable.Return(Document(9000)));
        Answers("huge", Observable.Throw<string>(new LineTooLongException(BoundedLineReader.FirstLineCap)), exitCode: 255);
        Answers("liar", Observable.Return(Document(-5)));
        var setup = new HostsSetup(new HostSet(["huge", "good", "liar"], null), new SshCommand(), []);
        var output = new StringWriter();

        int code = HostsOnceCommand.Run(_proc.ProcRoot, SocketQuery.All, setup, json: true, pretty: false, _launcher, output, new StringWriter());

        Assert.Equal(ExitCodes.Ok, code);
        using var document = JsonDocument.Parse(output.ToString());
        var hosts = document.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal(["huge", "good", "liar"], hosts.Select(h => h.GetProperty("host").GetString()));
        Assert.Equal("sent a line over 256 MiB", hosts[0].GetProperty("error").GetString());
        Assert.Equal(9000, hosts[1].GetProperty("snapshot").GetProperty("sockets")[0].GetProperty("localPort").GetInt32());
        Assert.Contains("\"localPort\" is out of range: -5", hosts[2].GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
