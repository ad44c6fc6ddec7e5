using System.Text;

namespace TuiPorts.Core.Tests.Fuzz;

/// <summary>Seeded, reproducible damage to text: what a hostile or racing /proc could hand the parsers.</summary>
public sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    public string Mutate(string text)
    {
        int kind = _random.Next(12);
        return kind switch
        {
            0 => text[.._random.Next(text.Length + 1)],                                        // truncated
            1 => Splice(text, RandomBytes(_random.Next(1, 40))),                               // random bytes
            2 => Splice(text, new string('A', _random.Next(1_000, 200_000))),                  // a huge line
            3 => DropColumn(text),                                                             // missing columns
            4 => Replace(text, c => char.IsAsciiHexDigit(c) && _random.Next(4) == 0 ? 'G' : c), // non-hex
            5 => Replace(text, c => c == ':' && _random.Next(3) == 0 ? '0' : c),               // wrong address lengths
            6 => Splice(text, "\0\0\0"),                                                       // NUL bytes
            7 => text.Replace("\n", "\r\n", StringComparison.Ordinal),                         // CRLF
            8 => string.Empty,                                                                 // empty file
            9 => Splice(text, "\n" + string.Join(' ', Enumerable.Range(0, _random.Next(0, 30)).Select(_ => _random.Next().ToString("X", System.Globalization.CultureInfo.InvariantCulture)))),
            10 => Mutate(Mutate(text)),                                                        // several at once
            _ => Replace(text, c => _random.Next(50) == 0 ? (char)_random.Next(0, 0x3000) : c), // sprinkled garbage
        };
    }

    private string Splice(string text, string insert)
    {
        int at = _random.Next(text.Length + 1);
        return text[..at] + insert + text[at..];
    }

    private string RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private string DropColumn(string text)
    {
        var lines = text.Split('\n');
        int line = _random.Next(lines.Length);
        var columns = lines[line].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (columns.Count > 0)
        {
            columns.RemoveAt(_random.Next(columns.Count));
        }

        lines[line] = string.Join(' ', columns);
        return string.Join('\n', lines);
    }

    private static string Replace(string text, Func<char, char> change) => new(text.Select(change).ToArray());
}
