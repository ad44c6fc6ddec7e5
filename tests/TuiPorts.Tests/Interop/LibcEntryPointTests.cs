using System.Reflection;
using System.Runtime.InteropServices;

namespace TuiPorts.Tests.Interop;

/// <summary>
/// The published binary must run on glibc 2.31 (Debian 11, Ubuntu 20.04). P/Invokes are bound when first called, so
/// a newer libc function would not show in <c>objdump -T</c>: it would throw EntryPointNotFoundException on a server,
/// at the first kill (that is what pidfd_open, glibc 2.36, did). So every import is checked here against glibc 2.31.
/// </summary>
public sealed class LibcEntryPointTests
{
    /// <summary>
    /// Functions glibc 2.31 exports on x86-64 and arm64, read with <c>objdump -T</c> from the libc.so.6 of a
    /// <c>debootstrap bullseye</c> sysroot (packaging/publish.sh makes one). Newer system calls go through syscall(2).
    /// </summary>
    private static readonly HashSet<string> Glibc231 =
    [
        "_exit", "accept", "accept4", "bind", "chdir", "close", "closedir", "connect", "dirfd", "dup", "dup2", "dup3",
        "epoll_create1", "epoll_ctl", "epoll_wait", "eventfd", "faccessat", "fchdir", "fcntl", "fdopendir",
        "fstatfs", "getdents64", "getegid", "geteuid", "getgid", "getpid", "getppid", "getsockname",
        "getsockopt", "gettid", "getuid", "ioctl", "isatty", "listen", "lseek", "open", "openat", "pipe", "pipe2",
        "poll", "ppoll", "pread", "prctl", "raise", "read", "readdir", "readlink", "readlinkat", "recv", "recvfrom",
        "recvmsg", "send", "sendmsg", "sendto", "setsockopt", "shutdown", "sigaction", "signalfd", "socket",
        "statfs", "sysconf", "syscall", "tcgetattr", "tcsetattr", "uname", "write", "opendir",
    ];

    /// <summary>
    /// Functions a newer glibc added that a change might reach for: the pidfd and close_range wrappers (2.34-2.36), and
    /// stat/fstat/lstat/fstatat, which glibc 2.31 has only as inline wrappers around __xstat (exported from 2.33).
    /// </summary>
    private static readonly string[] NewerThan231 =
    [
        "pidfd_open", "pidfd_send_signal", "pidfd_getfd", "close_range", "closefrom", "process_madvise",
        "execveat", "stat", "fstat", "lstat", "fstatat",
    ];

    /// <summary>
    /// Every P/Invoke in tuiports' two assemblies, as the runtime sees it: the DllImport each [LibraryImport] stub is
    /// generated around (so every LibraryImport entry point), and any DllImport written by hand.
    /// </summary>
    private static List<(string Library, string EntryPoint, string Method)> Imports() =>
        new[] { typeof(TuiPorts.Core.Interop.Privileges).Assembly, typeof(TuiPorts.Cli.StreamCommand).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (m, Import: m.GetCustomAttribute<DllImportAttribute>()))
            .Where(x => x.Import is not null)
            .Select(x => (x.Import!.Value, x.Import.EntryPoint ?? x.m.Name, $"{x.m.DeclaringType}.{x.m.Name}"))
            .ToList();

    [Fact]
    public void Every_libc_entry_point_exists_in_glibc_2_31()
    {
        var imports = Imports();

        Assert.Contains(imports, i => i.EntryPoint == "pipe2"); // the generated stubs are seen
        Assert.All(imports, i => Assert.Equal("libc", i.Library));
        Assert.Empty(imports.Where(i => !Glibc231.Contains(i.EntryPoint)).Select(i => $"{i.Method} -> {i.EntryPoint}"));
    }

    [Fact]
    public void The_pidfd_calls_go_through_syscall_and_nothing_imports_a_newer_wrapper_or_kill()
    {
        var entryPoints = Imports().Select(i => i.EntryPoint).ToHashSet();

        Assert.Contains("syscall", entryPoints);
        Assert.Empty(entryPoints.Intersect(NewerThan231));
        Assert.DoesNotContain("kill", entryPoints); // another process is signalled only through its pidfd
        Assert.Empty(Glibc231.Intersect(NewerThan231));
    }
}
