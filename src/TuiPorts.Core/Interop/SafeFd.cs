using System.Runtime.InteropServices;

namespace TuiPorts.Core.Interop;

/// <summary>
/// A file descriptor tuiports owns (a netlink socket, a pidfd, a pipe end): closed exactly once, by whichever comes
/// first of <see cref="SafeHandle.Dispose()"/> or the finalizer; disposing again does nothing. While a call uses it
/// (<see cref="Borrow"/>), a concurrent Dispose waits for the call to finish instead of closing a number that the
/// kernel may already have handed to someone else.
/// </summary>
internal sealed class SafeFd : SafeHandle
{
    public SafeFd()
        : base(-1, ownsHandle: true)
    {
    }

    public SafeFd(int fd)
        : base(-1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle < 0;

    /// <summary>The fd number for one native call; dispose the lease when the call returns.</summary>
    public Lease Borrow() => new(this);

    protected override bool ReleaseHandle() => NativeMethods.Close((int)handle) == 0;

    /// <summary>Keeps the fd open (DangerousAddRef) for the span of one native call.</summary>
    public readonly ref struct Lease
    {
        private readonly SafeFd? _owner;

        public Lease(SafeFd fd)
        {
            bool added = false;
            fd.DangerousAddRef(ref added); // throws ObjectDisposedException once closed
            _owner = fd;
            Fd = (int)fd.DangerousGetHandle();
        }

        public int Fd { get; }

        public void Dispose() => _owner?.DangerousRelease();
    }
}

/// <summary>A <c>DIR*</c> from opendir(3), closed with closedir(3) exactly once.</summary>
internal sealed class SafeDir : SafeHandle
{
    public SafeDir()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => NativeMethods.CloseDir(handle) == 0;
}
