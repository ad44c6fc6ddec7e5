using TuiPorts.Cli;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Tests.Fuzz;

/// <summary>
/// Random command lines: always a result or a clear one-line message, never an exception. Every run reads a fixture
/// tree, and the kill subcommand is never generated (random kills must not reach real processes).
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class CommandLineFuzzTests : IDisposable
{
    private const int Seed = 4242;
    private static readonly string[] Words =
    [
        "--once", "--json", "--port", "--listening", "-l", "--proto", "tcp", "udp", "sctp", "--interval", "0.5", "-1",
        "--no-color", "--16-colors", "--read-only", "9000", "80,443", "8000-8100", "ssh", "70000", "9000-80", "nosuch",
        "--help", "--version", "bench", "-n", "1", "--iterations", "--", "-", "", " ", "\0", "--port=22", "-p", "x,y,z",
        "\u00e9\u2603", "--unknown", "-zz", "1-", ",,,", "65535", "0",
    ];

    private readonly FixtureProcTree _proc = new();

    public CommandLineFuzzTests() =>
        _proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);

    public void Dispose() => _proc.Dispose();

    [Fact]
    public void Random_command_lines_never_throw_and_errors_are_one_line_with_exit_code_2()
    {
        var random = new Random(Seed);
        for (int i = 0; i < 1_500; i++)
        {
            var args = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Words[random.Next(Words.Length)]).ToList();
            args.AddRange(["--proc-root", _proc.Root]);
            if (!args.Contains("--once") && !args.Contains("bench"))
            {
                args.Insert(0, "--once"); // never the live UI: the test host may have a terminal on stdin
            }

            var output = new StringWriter();
            var error = new StringWriter();
            int code = -1;
            var thrown = Record.Exception(() => code = CommandLineInterface.Run([.. args], new StringReader(string.Empty), output, error));

            string line = string.Join(' ', args.Select(a => $"'{a}'"));
            Assert.True(thrown is null, $"seed {Seed} case {i}: {line}: {thrown}");
            Assert.True(code is 0 or 1 or 2, $"seed {Seed} case {i}: {line}: exit {code}");
            if (code == 2)
            {
                Assert.StartsWith("tuiports: ", error.ToString(), StringComparison.Ordinal);
                Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
            }
        }
    }
}
