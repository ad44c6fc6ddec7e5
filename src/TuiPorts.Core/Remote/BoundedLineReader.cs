using System.Text;

namespace TuiPorts.Core.Remote;

/// <summary>
/// Reads UTF-8 lines from a child's stdout with a cap on each: <see cref="FirstLineCap"/> for the first line (a
/// stream's whole snapshot, a one-shot's document) and <see cref="LineCap"/> for each one after it (a stream's
/// changes). A line that reaches its cap is never held whole: reading stops there with a
/// <see cref="LineTooLongException"/>. The buffer grows with the line, never past its cap, and shrinks after a big one.
/// </summary>
public sealed class BoundedLineReader(Stream input, long firstLineCap = BoundedLineReader.FirstLineCap, long lineCap = BoundedLineReader.LineCap)
{
    public const long FirstLineCap = 256L << 20;
    public const long LineCap = 16L << 20;
    private const int Small = 64 * 1024;

    private readonly byte[] _chunk = new byte[Small];
    private byte[] _line = new byte[Small];
    private int _length;
    private int _chunkStart;
    private int _chunkEnd;
    private bool _first = true;

    /// <summary>The next line without its end ("\n" or "\r\n"), or null at the end of the input (a last unterminated line is returned first).</summary>
    public string? ReadLine()
    {
        long cap = _first ? firstLineCap : lineCap;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                _chunkStart = 0;
                _chunkEnd = input.Read(_chunk, 0, _chunk.Length);
                if (_chunkEnd == 0)
                {
                    return _length > 0 ? Take() : null;
                }
            }

            int newline = Array.IndexOf(_chunk, (byte)'\n', _chunkStart, _chunkEnd - _chunkStart);
            int end = newline >= 0 ? newline : _chunkEnd;
            Append(_chunk.AsSpan(_chunkStart, end - _chunkStart), cap);
            _chunkStart = newline >= 0 ? newline + 1 : _chunkEnd;
            if (newline >= 0)
            {
                return Take();
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes, long cap)
    {
        if (_length + (long)bytes.Length > cap)
        {
            _line = new byte[Small]; // let the partial line go
            _length = 0;
            throw new LineTooLongException(cap);
        }

        if (_length + bytes.Length > _line.Length)
        {
            long size = Math.Min(cap, Math.Max(_length + (long)bytes.Length, (long)_line.Length * 2));
            Array.Resize(ref _line, (int)Math.Min(size, Array.MaxLength));
        }

        bytes.CopyTo(_line.AsSpan(_length));
        _length += bytes.Length;
    }

    private string Take()
    {
        int length = _length > 0 && _line[_length - 1] == '\r' ? _length - 1 : _length;
        string line = Encoding.UTF8.GetString(_line, 0, length);
        _length = 0;
        _first = false;
        if (_line.Length > Small * 16)
        {
            _line = new byte[Small]; // a big document passed: give its buffer back
        }

        return line;
    }
}
