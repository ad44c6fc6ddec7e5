using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using TuiPorts.Core.Filtering;
using TuiPorts.Core.Netlink;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Netlink;

/// <summary>The kernel-side port filter: checked against the kernel's own rules (run and audit), then against the kernel.</summary>
public sealed class PortBytecodeTests
{
    [Theory]
    [InlineData("9000")]
    [InlineData("80,443")]
    [InlineData("8000-8100")]
    [InlineData("22,8000-8100,65535,0")]
    public void The_program_accepts_exactly_the_sockets_with_a_local_or_remote_port_in_the_filter(string text)
    {
        var ports = PortFilterParser.Parse(text, ServicesFile.Empty).Filter!;
        byte[] program = PortBytecode.For(ports.Ranges)!;

        Assert.True(KernelRules.Audit(program), "the kernel would refuse this program (inet_diag_bc_audit)");
        var random = new Random(1234);
        int[] interesting = [0, 1, 22, 79, 80, 81, 442, 443, 444, 7999, 8000, 8050, 8100, 8101, 9000, 65535];
        for (int i = 0; i < 5000; i++)
        {
            int local = i < interesting.Length ? interesting[i] : random.Next(0, 65536);
            int remote = random.Next(4) == 0 ? interesting[random.Next(interesting.Length)] : random.Next(0, 65536);
            bool expected = ports.Matches(local) || ports.Matches(remote);
            Assert.True(expected == KernelRules.Run(program, local, remote), $"{text}: local {local}, remote {remote}");
        }
    }

    [Fact]
    public void Many_ranges_still_make_a_valid_program_and_too_many_make_none()
    {
        var ranges = Enumerable.Range(0, PortBytecode.MaxRanges).Select(i => new PortRange(i * 200, (i * 200) + 50)).ToList();

        Assert.True(KernelRules.Audit(PortBytecode.For(ranges)!));
        Assert.Null(PortBytecode.For([.. ranges, new PortRange(65000, 65001)]));
    }

    [Fact]
    [Trait("Category", "Oracle")]
    public void The_kernel_filtered_dump_equals_the_full_dump_filtered_here()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient(AddressFamily.InterNetwork); // IPv4, so all three are in the tcp table
        client.Connect(IPAddress.Loopback, port);
        using var accepted = listener.AcceptTcpClient();
        var ports = PortFilterParser.Parse(port.ToString(System.Globalization.CultureInfo.InvariantCulture), ServicesFile.Empty).Filter!;

        var filtered = SockDiagReader.TryRead(Protocol.Tcp, PortBytecode.For(ports.Ranges));
        var all = SockDiagReader.TryRead(Protocol.Tcp);

        Assert.NotNull(filtered); // the kernel accepted the program
        Assert.NotNull(all);
        var expected = all.Rows.Where(r => ports.Matches(r.LocalPort) || ports.Matches(r.RemotePort)).Select(r => r.Inode).Order();
        Assert.Equal(expected, filtered.Rows.Select(r => r.Inode).Order());
        Assert.Equal(3, filtered.Rows.Count(r => r.Inode != 0)); // listener, accepted, client
    }

    /// <summary>A transcription of the kernel's inet_diag_bc_run and inet_diag_bc_audit, for port comparisons.</summary>
    private static class KernelRules
    {
        public static bool Run(byte[] bc, int sport, int dport)
        {
            int offset = 0;
            int len = bc.Length;
            while (len > 0)
            {
                byte code = bc[offset];
                int yesJump = bc[offset + 1];
                int noJump = BinaryPrimitives.ReadUInt16LittleEndian(bc.AsSpan(offset + 2));
                int operand = offset + 4 < bc.Length ? BinaryPrimitives.ReadUInt16LittleEndian(bc.AsSpan(offset + 6)) : 0;
                bool yes = code switch
                {
                    PortBytecode.Jmp => false,
                    PortBytecode.SourceGe => sport >= operand,
                    PortBytecode.SourceLe => sport <= operand,
                    PortBytecode.DestGe => dport >= operand,
                    PortBytecode.DestLe => dport <= operand,
                    PortBytecode.SourceEq => sport == operand,
                    PortBytecode.DestEq => dport == operand,
                    _ => true,
                };
                int jump = yes ? yesJump : noJump;
                len -= jump;
                offset += jump;
            }

            return len == 0;
        }

        public static bool Audit(byte[] bc)
        {
            int offset = 0;
            int len = bc.Length;
            while (len > 0)
            {
                byte code = bc[offset];
                int minLen = 4;
                if (code is PortBytecode.SourceGe or PortBytecode.SourceLe or PortBytecode.DestGe or PortBytecode.DestLe
                    or PortBytecode.SourceEq or PortBytecode.DestEq)
                {
                    minLen = 8;
                    if (len < 8)
                    {
                        return false;
                    }
                }
                else if (code != PortBytecode.Jmp)
                {
                    return false;
                }

                int yes = bc[offset + 1];
                int no = BinaryPrimitives.ReadUInt16LittleEndian(bc.AsSpan(offset + 2));
                if (no < minLen || no > len + 4 || (no & 3) != 0 || (no < len && !ValidTarget(bc, len - no)))
                {
                    return false;
                }

                if (yes < minLen || yes > len + 4 || (yes & 3) != 0)
                {
                    return false;
                }

                offset += yes;
                len -= yes;
            }

            return len == 0;
        }

        /// <summary>valid_cc: the jump target must be an op start on the chain of "yes" jumps.</summary>
        private static bool ValidTarget(byte[] bc, int targetRemaining)
        {
            int offset = 0;
            int len = bc.Length;
            while (len >= 0)
            {
                if (targetRemaining > len)
                {
                    return false;
                }

                if (targetRemaining == len)
                {
                    return true;
                }

                int yes = bc[offset + 1];
                if (yes < 4 || (yes & 3) != 0)
                {
                    return false;
                }

                len -= yes;
                offset += yes;
            }

            return false;
        }
    }
}
