using System.Globalization;

namespace TuiPorts.Core.ProcFs;

/// <summary>uid -> user name from /etc/passwd; unknown uids (containers) print as the number.</summary>
public sealed class PasswdFile
{
    private readonly Dictionary<int, string> _names;

    private PasswdFile(Dictionary<int, string> names) => _names = names;

    public static PasswdFile Load(string path) => Parse(ProcRoot.TryReadText(path) ?? string.Empty);

    public static PasswdFile Parse(string content)
    {
        var names = new Dictionary<int, string>();
        Span<Range> fields = stackalloc Range[4];
        foreach (var line in content.AsSpan().EnumerateLines())
        {
            if (line.Split(fields, ':') >= 3
                && int.TryParse(line[fields[2]], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
                && !line[fields[0]].IsEmpty)
            {
                names.TryAdd(uid, line[fields[0]].ToString());
            }
        }

        return new PasswdFile(names);
    }

    public string NameOf(int uid) =>
        _names.TryGetValue(uid, out var name) ? name : uid.ToString(CultureInfo.InvariantCulture);
}
