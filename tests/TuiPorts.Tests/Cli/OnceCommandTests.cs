using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TuiPorts.Cli;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Cli;

public sealed class OnceCommandTests : IDisposable
{
    private readonly FixtureProcTree _proc = new();

    public OnceCommandTests()
    {
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500), Row(1, "0100007F:0050", "00000000:0000", "0A", 501)]);
        _proc.WriteTable("udp", [Row(0, "0100007F:0035", "00000000:0000", "07", 502)]);
        _proc.AddProcess(100, "server one", "./server 9000").AddSocketFd(100, 3, 500);
        _proc.AddProcess(101, "server one", "./server 9000", ppid: 100).AddSocketFd(101, 3, 500);
        _proc.AddProcess(200, "web", "web", uid: 33).AddSocketFd(200, 4, 501).AddSocketFd(200, 5, 502);
    }

    public void Dispose() => _proc.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Once_prints_an_aligned_table_with_all_holders()
    {
        var (code, output, _) = Run("--once", "--proc-root", _proc.Root, "--port", "9000");

        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        Assert.StartsWith("Proto", lines[0], StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9000", lines[1], StringComparison.Ordinal);
        Assert.Contains("100/server one fd 3, 101/server one fd 3", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[0].IndexOf("State", StringComparison.Ordinal), lines[1].IndexOf("LISTEN", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("Role", StringComparison.Ordinal), lines[1].IndexOf("listener", StringComparison.Ordinal));
        Assert.EndsWith("Command", lines[0], StringComparison.Ordinal);
        Assert.Contains("1 of 3 sockets", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--port", "80,9000" }, 2)]
    [InlineData(new[] { "--port", "50-100" }, 2)]
    [InlineData(new[] { "--proto", "udp" }, 1)]
    [InlineData(new[] { "--listening", "--proto", "tcp" }, 2)]
    [InlineData(new[] { "--port", "domain" }, 1)]
    public void Filters_narrow_the_json(string[] filter, int expected)
    {
        var (code, output, _) = Run(["--once", "--json", "--proc-root", _proc.Root, .. filter]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected, json.RootElement.GetProperty("sockets").GetArrayLength());
    }

    [Theory]
    [InlineData("--once", "--port", "70000")]
    [InlineData("--once", "--port", "9000-80")]
    [InlineData("--once", "--port", "nosuch")]
    [InlineData("--once", "--no-such-flag")]
    [InlineData("--once", "--proto", "sctp")]
    [InlineData("--once", "--interval", "abc")]
    [InlineData("--json")]
    [InlineData("--port", "70000")]
    [InlineData("--proc-root", "/no/such/dir", "--once")]
    [InlineData("--once", "extra-argument")]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("tuiports: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Help_describes_every_option()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        foreach (string option in new[] { "--once", "--json", "--port", "--listening", "--proto", "--proc-root", "--interval", "--no-color", "--read-only" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Owners_are_hidden_honestly_when_not_root()
    {
        _proc.AddProcess(300, "secret", "secret", uid: 0).AddSocketFd(300, 9, 503);
        _proc.WriteTable("tcp6", [Row(0, "00000000000000000000000001000000:01BB", "00000000000000000000000000000000:0000", "0A", 503)]);
        _proc.MakeFdDirectoryUnreadable(300);

        // root ignores chmod 000, so the real binary runs as nobody (setpriv) when the test runs as root
        var result = Environment.IsPrivilegedProcess
            ? CliProcess.Run(["--once", "--json", "--proc-root", _proc.Root], asNobody: true)
            : CliProcess.Run(["--once", "--json", "--proc-root", _proc.Root]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var sockets = json.RootElement.GetProperty("sockets").EnumerateArray().ToList();
        var hidden = Assert.Single(sockets, s => s.GetProperty("ownersHidden").GetBoolean());
        Assert.Equal(443, hidden.GetProperty("localPort").GetInt32());
        Assert.Equal(0, hidden.GetProperty("owners").GetArrayLength());
        Assert.Equal(
            "owners of 1 socket hidden — run with sudo to see them",
            Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
        Assert.Equal(4, sockets.Count);
    }

    [Fact]
    public void The_built_binary_prints_the_documented_json_shape_for_a_live_listener()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = CliProcess.Run(["--once", "--json", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("takenAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        var socket = Assert.Single(root.GetProperty("sockets").EnumerateArray());
        Assert.Equal("tcp", socket.GetProperty("proto").GetString());
        Assert.Equal("LISTEN", socket.GetProperty("state").GetString());
        Assert.Equal("127.0.0.1", socket.GetProperty("localAddress").GetString());
        Assert.Equal(port, socket.GetProperty("localPort").GetInt32());
        Assert.Equal("0.0.0.0", socket.GetProperty("remoteAddress").GetString());
        Assert.Equal(0, socket.GetProperty("remotePort").GetInt32());
        Assert.True(socket.GetProperty("inode").GetUInt64() > 0);
        Assert.Equal(JsonValueKind.Number, socket.GetProperty("uid").ValueKind);
        Assert.True(socket.GetProperty("netns").GetUInt64() > 0);
        Assert.False(socket.GetProperty("ownersHidden").GetBoolean());
        var holder = Assert.Single(socket.GetProperty("owners").EnumerateArray());
        Assert.Equal(Environment.ProcessId, holder.GetProperty("pid").GetInt32());
        Assert.True(holder.GetProperty("fds").GetArrayLength() >= 1);
        Assert.False(string.IsNullOrEmpty(holder.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(holder.GetProperty("user").GetString()));
        Assert.Equal(JsonValueKind.Number, holder.GetProperty("uid").ValueKind);
        Assert.Contains("testhost", holder.GetProperty("cmdline").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("listener", socket.GetProperty("role").GetString());
        Assert.True(holder.GetProperty("ppid").GetInt32() > 0);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$", holder.GetProperty("startTime").GetString());
        Assert.True(holder.TryGetProperty("cgroup", out _) && holder.TryGetProperty("unit", out _) && holder.TryGetProperty("container", out _));
    }

    [Fact]
    public void The_start_time_names_the_process_to_the_kernels_precision()
    {
        var self = ProcStat.Parse(File.ReadAllText("/proc/self/stat"))!;
        var info = new ProcessReader(ProcRoot.Default).Read(Environment.ProcessId)!;
        long bootSeconds = long.Parse(File.ReadAllLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..], System.Globalization.CultureInfo.InvariantCulture);

        var expected = DateTimeOffset.FromUnixTimeSeconds(bootSeconds).AddTicks((long)self.StartTimeTicks * 100_000).UtcDateTime;

        Assert.Equal(expected, info.StartTimeUtc);
        Assert.Equal(expected.ToString("yyyy-MM-dd'T'HH:mm:ss.ff'Z'", System.Globalization.CultureInfo.InvariantCulture), TuiPorts.Core.Presentation.Formats.StartTimeUtc(expected));
    }

    [Fact]
    public void Cgroup_facts_reach_the_json_for_each_holder()
    {
        _proc.AddProcess(400, "nginx", "nginx: master process /usr/sbin/nginx").AddSocketFd(400, 6, 600);
        File.WriteAllText(Path.Combine(_proc.Root, "400", "cgroup"), "0::/system.slice/nginx.service\n");
        _proc.WriteTable("tcp", [Row(0, "00000000:1F90", "00000000:0000", "0A", 600)]);

        var (code, stdout, _) = Run("--once", "--json", "--port", "8080", "--proc-root", _proc.Root);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var socket = Assert.Single(json.RootElement.GetProperty("sockets").EnumerateArray());
        var holder = Assert.Single(socket.GetProperty("owners").EnumerateArray());
        Assert.Equal("/system.slice/nginx.service", holder.GetProperty("cgroup").GetString());
        Assert.Equal("nginx.service", holder.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, holder.GetProperty("container").ValueKind);
        Assert.Equal("listener", socket.GetProperty("role").GetString());
    }

    [Fact]
    public void Once_on_a_terminal_writes_plain_text_without_control_sequences()
    {
        var start = new System.Diagnostics.ProcessStartInfo("script", ["-qec", $"dotnet {CliProcess.AppDll} --once --proc-root {_proc.Root}", "/dev/null"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["TERM"] = "xterm-256color";
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Proto", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }
}
