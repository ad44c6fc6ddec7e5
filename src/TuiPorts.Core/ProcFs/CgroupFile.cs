namespace TuiPorts.Core.ProcFs;

/// <summary>
/// Parses /proc/&lt;pid&gt;/cgroup: cgroup v2 is one line <c>0::/path</c>; v1 has a line per hierarchy
/// (<c>N:controllers:/path</c>), of which the systemd one (<c>name=systemd</c>) names the unit. The unit is the last
/// path component ending in <c>.service</c>, else in <c>.scope</c>; the container id comes from Docker
/// (<c>docker-&lt;id&gt;.scope</c>, <c>/docker/&lt;id&gt;</c>), Podman (<c>libpod-&lt;id&gt;.scope</c>) or a Kubernetes
/// runtime (<c>cri-containerd-&lt;id&gt;.scope</c>, <c>crio-&lt;id&gt;.scope</c>).
/// </summary>
public static class CgroupFile
{
    private static readonly string[] ScopePrefixes = ["docker-", "libpod-", "cri-containerd-", "crio-"];

    /// <summary>Null when the text names no cgroup path.</summary>
    public static CgroupInfo? Parse(string? text)
    {
        string? path = PickPath(text ?? string.Empty);
        if (path is null)
        {
            return null;
        }

        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? unit = parts.LastOrDefault(p => p.EndsWith(".service", StringComparison.Ordinal))
            ?? parts.LastOrDefault(p => p.EndsWith(".scope", StringComparison.Ordinal));
        return new CgroupInfo(path, unit, ContainerId(parts));
    }

    private static string? PickPath(string text)
    {
        string? v2 = null;
        string? systemd = null;
        string? first = null;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            int a = line.IndexOf(':');
            int b = a < 0 ? -1 : line[(a + 1)..].IndexOf(':');
            if (b < 0)
            {
                continue;
            }

            var controllers = line.Slice(a + 1, b);
            string path = line[(a + b + 2)..].ToString();
            if (path.Length == 0)
            {
                continue;
            }

            if (line[..a].SequenceEqual("0") && controllers.IsEmpty)
            {
                v2 = path;
            }
            else if (controllers.SequenceEqual("name=systemd"))
            {
                systemd = path;
            }

            first ??= path;
        }

        // a v1 host can also list a "0::/" line for the unified hierarchy: prefer whichever says more
        return new[] { v2, systemd, first }.Where(p => p is not null).OrderByDescending(p => p == "/" ? 0 : 1).FirstOrDefault();
    }

    private static string? ContainerId(string[] parts)
    {
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            string part = parts[i];
            foreach (string prefix in ScopePrefixes)
            {
                if (part.StartsWith(prefix, StringComparison.Ordinal) && part.EndsWith(".scope", StringComparison.Ordinal))
                {
                    return Short(part[prefix.Length..^".scope".Length]);
                }
            }

            if (i > 0 && parts[i - 1] is "docker" or "libpod" or "crio" && IsHex(part))
            {
                return Short(part);
            }
        }

        return null;
    }

    private static string? Short(string id) =>
        IsHex(id) && id.Length >= CgroupInfo.ShortIdLength ? id[..CgroupInfo.ShortIdLength] : null;

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigitLower);
}
