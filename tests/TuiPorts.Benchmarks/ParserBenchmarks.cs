using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Benchmarks;

/// <summary>The /proc parsers on realistic input sizes (10,000-row socket tables).</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private string _tcp = string.Empty;
    private string _tcp6 = string.Empty;
    private string _stat = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        const string header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
        var tcp = new StringBuilder(header).Append('\n');
        var tcp6 = new StringBuilder(header).Append('\n');
        for (int i = 0; i < 10_000; i++)
        {
            string port = (1024 + i).ToString("X4", CultureInfo.InvariantCulture);
            tcp.Append(CultureInfo.InvariantCulture, $"{i,4}: 0100007F:{port} 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 {100000 + i} 1 0000000000000000 20 4 30 10 -1\n");
            tcp6.Append(CultureInfo.InvariantCulture, $"{i,4}: 00000000000000000000000001000000:{port} 0000000000000000FFFF00000100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 {200000 + i} 1 0000000000000000 20 4 30 10 -1\n");
        }

        _tcp = tcp.ToString();
        _tcp6 = tcp6.ToString();
        _stat = "4321 (my (weird) name) S 1 4321 4321 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000000 100 18446744073709551615\n";
    }

    [Benchmark]
    public int ParseTcp10k() => NetTableParser.Parse(Protocol.Tcp, _tcp).Rows.Count;

    [Benchmark]
    public int ParseTcp6_10k() => NetTableParser.Parse(Protocol.Tcp6, _tcp6).Rows.Count;

    [Benchmark]
    public ulong ParseStat() => ProcStat.Parse(_stat)!.StartTimeTicks;

    [Benchmark]
    public int DecodeAddress() => SocketAddressDecoder.TryDecode("B80D0120020001000400030006000500:6DBD", out _, out int port) ? port : -1;
}
