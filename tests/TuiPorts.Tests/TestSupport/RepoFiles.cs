namespace TuiPorts.Tests.TestSupport;

/// <summary>Files of the repository the tests run from (docs, scripts), found by walking up to TuiPorts.sln.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TuiPorts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TuiPorts.sln not found above " + AppContext.BaseDirectory);
    }
}
