using System.Runtime.InteropServices;

namespace TuiPorts.Core.ProcFs;

/// <summary>The few libc calls the engine needs that .NET does not expose without allocating.</summary>
internal static partial class NativeMethods
{
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EACCES = 13;
    public const int EPERM = 1;

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial nint ReadLink(string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    public static partial int CloseDir(nint dir);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    public static partial int DirFd(nint dir);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true)]
    public static unsafe partial nint ReadLinkAt(int dirFd, byte* path, byte* buffer, nint size);

    /// <summary>Offset of d_name in glibc/musl's 64-bit struct dirent: d_ino(8) d_off(8) d_reclen(2) d_type(1).</summary>
    public const int DirentNameOffset = 19;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();
}
