namespace TuiPorts.Core.Remote;

/// <summary>
/// How a command reaches another host: the one seam of the transport. <see cref="SshCommand"/> is the one there is (the
/// user's own OpenSSH); a second transport (<c>kubectl exec</c>, <c>docker exec</c>) is one more implementation, and the
/// feeds, one-shots and remote kills that take an <see cref="IRemoteShell"/> do not change.
/// </summary>
public interface IRemoteShell
{
    /// <summary>The local program that is started (named in messages: "cannot run ssh: ...").</summary>
    string Program { get; }

    /// <summary>The arguments of <see cref="Program"/> that run tuiports with <paramref name="remoteArguments"/> on <paramref name="host"/>.</summary>
    IReadOnlyList<string> For(string host, IEnumerable<string> remoteArguments);
}
