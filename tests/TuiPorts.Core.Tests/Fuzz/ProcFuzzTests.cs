using TuiPorts.Core.Presentation;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;

namespace TuiPorts.Core.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of everything the engine reads. Malformed input must be skipped and counted, never thrown.
/// A failure message names the seed and case, so it can be replayed.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ProcFuzzTests
{
    private const int Seed = 20261125;

    private static readonly string[] NetTables =
    [
        Row(0, "0100007F:2328", "00000000:0000", "0A", 500),
        "   1: B80D0120020001000400030006000500:6DBD 0000000000000000FFFF00000100007F:0050 01 0000001A:00000002 00:00000000 00000000  1000        0 501 1 0 20 4 30 10 -1",
        Row(2, "0100007F:0035", "00000000:0000", "07", 502),
        Row(3, "0100007F:2328", "0100007F:9C40", "06", 0),
    ];

    /// <summary>A real machine's /proc/net/tcp head and /proc/self/stat, captured once: the run replays from its seed alone.</summary>
    private const string Captured =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     \n" +
        "   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1511 1 00000000964818f1 100 0 0 10 0                      \n" +
        "   1: 0100007F:E973 0100007F:D676 06 00000000:00000000 03:00000EE8 00000000     0        0 0 3 00000000d8b559cf                                      \n" +
        "   2: 0100007F:EB97 0100007F:ACDA 06 00000000:00000000 03:00000EE2 00000000     0        0 0 3 00000000927d106b                                      \n" +
        "1190 (cat) R 1145 1145 1064 0 -1 4194304 123 0 0 0 0 0 0 0 20 0 1 0 417134 3133440 388 18446744073709551615 94428068638720 94428068658601 140731411820048 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 94428068674608 94428068676224 94429042253824 140731411823068 140731411823088 140731411823088 140731411824619 0\n";

    [Fact]
    public void Parsers_survive_ten_thousand_mutated_inputs()
    {
        var mutator = new Mutator(Seed);
        string table = TcpHeader + "\n" + string.Join('\n', NetTables) + "\n";
        string real = Captured; // real kernel text, but fixed: the same seed replays the same cases anywhere
        string stat = Stat(4321, "my (weird) name", ppid: 1, startTicks: 987654);
        const string status = "Name:\tx\nUid:\t33\t33\t33\t33\nGid:\t0\t0\t0\t0\n";
        for (int i = 0; i < 10_000; i++)
        {
            var protocol = ProtocolExtensions.All[i % 4];
            string input = mutator.Mutate((i % 4) switch { 0 => table, 1 => stat, 2 => status, _ => real });
            var parsed = Record.Exception(() =>
            {
                var result = NetTableParser.Parse(protocol, input);
                Assert.True(result.MalformedLines >= 0 && result.Rows.All(r => r.LocalPort is >= 0 and <= 65535));
                _ = ProcStat.Parse(input);
                _ = ProcStatus.ParseUid(input);
                _ = CommandLine.Decode(System.Text.Encoding.Latin1.GetBytes(input));
                _ = PasswdFile.Parse(input).NameOf(0);
                _ = ServicesFile.Parse(input);
            });
            Assert.True(parsed is null, $"seed {Seed} case {i}: {parsed}");
        }
    }

    [Fact]
    public void The_engine_survives_mutated_proc_trees_and_counts_what_it_skipped()
    {
        var mutator = new Mutator(Seed + 1);
        using var proc = new FixtureProcTree();
        Build(proc);
        string[] files = ["net/tcp", "net/tcp6", "net/udp", "net/udp6", "100/stat", "100/status", "100/cmdline", "101/stat", "101/cmdline", "stat"];
        var originals = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(proc.Root, f)));
        int malformedSeen = 0;
        for (int i = 0; i < 10_000; i++)
        {
            string file = files[mutator.Next(files.Length)];
            string path = Path.Combine(proc.Root, file);
            if (mutator.Next(10) == 0)
            {
                File.Delete(path); // vanished between listing and reading
            }
            else
            {
                File.WriteAllText(path, mutator.Mutate(originals[file]));
            }

            Snapshot? snapshot = null;
            var thrown = Record.Exception(() => snapshot = new ProcSnapshotSource(proc.ProcRoot, isRoot: true).Take());
            Assert.True(thrown is null, $"seed {Seed + 1} case {i} ({file}): {thrown}");
            malformedSeen += snapshot!.Stats.MalformedLines;
            if (snapshot.Stats.MalformedLines > 0)
            {
                Assert.Contains(Wording.Warnings(snapshot), w => w.Contains("malformed", StringComparison.Ordinal));
            }

            File.WriteAllText(path, originals[file]);
        }

        Assert.True(malformedSeen > 0, "the fuzzer never produced a malformed line: it is not fuzzing");
    }

    [Fact]
    public void The_port_grammar_and_filter_field_never_throw()
    {
        var random = new Random(Seed + 2);
        const string alphabet = "0123456789,-- abcsh\t\0\u00e9\u2603:;/\\*?%!70000-65536";
        var services = ServicesFile.Parse("ssh 22/tcp\nhttp 80/tcp\n");
        for (int i = 0; i < 20_000; i++)
        {
            string text = new(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var thrown = Record.Exception(() =>
            {
                var result = PortFilterParser.Parse(text, services);
                Assert.True(result.IsValid ^ (result.Error is not null));
                Assert.True(result.Error is null || !Core.Presentation.Wording.PortFilter(result.Error).Contains('\n'));
                var filter = FilterText.Parse(text, services);
                _ = filter.ApplyTo(SocketQuery.All).Matches(TestSupport.Snapshots.Listener(80, 1, 7));
            });
            Assert.True(thrown is null, $"seed {Seed + 2} case {i} '{text}': {thrown}");
        }
    }

    private static void Build(FixtureProcTree proc)
    {
        proc.WriteTable("tcp", NetTables);
        proc.WriteTable("tcp6", [NetTables[1]]);
        proc.WriteTable("udp", [NetTables[2]]);
        proc.WriteTable("udp6", []);
        proc.AddProcess(100, "server", "./server --port 9000").AddSocketFd(100, 3, 500).AddSocketFd(100, 4, 501);
        proc.AddProcess(101, "worker", "./server --worker").AddSocketFd(101, 3, 500).AddSocketFd(101, 5, 502);
        File.WriteAllText(Path.Combine(proc.Root, "stat"), "cpu  1 2 3 4\nbtime 1700000000\n");
    }
}
