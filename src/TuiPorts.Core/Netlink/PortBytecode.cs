using System.Buffers.Binary;
using TuiPorts.Core.Filtering;

namespace TuiPorts.Core.Netlink;

/// <summary>
/// An INET_DIAG_REQ_BYTECODE program, the kernel-side filter <c>ss</c> builds for <c>sport = :P</c>: the dump then holds
/// only sockets whose local or remote port is in one of the ranges, so a filtered refresh costs what the matches cost.
/// It is a prefilter: the exact rule (a remote port counts only when there is a peer) is applied afterwards by
/// <see cref="SocketQuery"/>.
/// </summary>
/// <remarks>
/// The kernel runs 4-byte ops <c>{code, yes, no}</c>; a port comparison takes its port from the next op's <c>no</c>.
/// Running exactly to the end accepts; a jump past the end rejects. Built the way <c>ss</c> composes filters: every
/// condition falls through on success and jumps to its end + 4 on failure; conditions are ORed as
/// <c>c1 JMP c2 JMP ... cN</c>, where a JMP (reached only on success) jumps to the end of the next condition.
/// </remarks>
public static class PortBytecode
{
    public const byte Jmp = 1;
    public const byte SourceGe = 2;
    public const byte SourceLe = 3;
    public const byte DestGe = 4;
    public const byte DestLe = 5;
    public const byte SourceEq = 11;
    public const byte DestEq = 12;

    /// <summary>At most this many ranges are compiled; a longer filter is applied in user space only.</summary>
    public const int MaxRanges = 256;

    /// <summary>The program for "local or remote port in any of <paramref name="ranges"/>"; null when there are too many.</summary>
    public static byte[]? For(IReadOnlyList<PortRange> ranges)
    {
        if (ranges.Count == 0 || ranges.Count > MaxRanges)
        {
            return null;
        }

        var conditions = ranges.SelectMany(r => new[] { Condition(r, local: true), Condition(r, local: false) }).ToList();
        var program = new List<byte>();
        for (int i = 0; i < conditions.Count; i++)
        {
            program.AddRange(conditions[i]);
            if (i + 1 < conditions.Count)
            {
                program.AddRange(Op(Jmp, 4, conditions[i + 1].Length + 4)); // success so far: skip the next condition
            }
        }

        return [.. program];
    }

    private static byte[] Condition(PortRange range, bool local)
    {
        if (range.From == range.To)
        {
            return [.. Op(local ? SourceEq : DestEq, 8, 12), .. Op(0, 0, range.From)];
        }

        // from <= port (on failure: past this 16-byte condition + 4) and port <= to (past its own end + 4)
        return [.. Op(local ? SourceGe : DestGe, 8, 20), .. Op(0, 0, range.From), .. Op(local ? SourceLe : DestLe, 8, 12), .. Op(0, 0, range.To)];
    }

    private static byte[] Op(byte code, int yes, int no)
    {
        var op = new byte[4];
        op[0] = code;
        op[1] = checked((byte)yes);
        BinaryPrimitives.WriteUInt16LittleEndian(op.AsSpan(2), checked((ushort)no));
        return op;
    }
}
