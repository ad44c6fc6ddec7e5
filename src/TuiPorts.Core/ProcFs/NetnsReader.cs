namespace TuiPorts.Core.ProcFs;

/// <summary>Reads a network namespace id: <c>/proc/&lt;pid&gt;/ns/net -> net:[4026531840]</c>.</summary>
public static class NetnsReader
{
    private static ReadOnlySpan<byte> NetPrefix => "net:"u8;

    /// <summary>The namespace inode of <paramref name="pid"/>, or 0 when it cannot be read.</summary>
    public static ulong Read(ProcRoot root, int pid) => ReadLink(root.PidFile(pid, "ns/net"));

    /// <summary>The namespace of the reader itself (<c>/proc/self</c>); 0 when unknown.</summary>
    public static ulong ReadOwn(ProcRoot root) => ReadLink(root.SelfFile("ns/net"));

    private static ulong ReadLink(string path) =>
        LinkReader.TryReadBracketNumber(path, NetPrefix, out ulong inode) == LinkStatus.Ok ? inode : 0;
}
