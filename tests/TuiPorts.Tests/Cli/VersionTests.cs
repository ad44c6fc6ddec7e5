using System.Xml.Linq;
using TuiPorts.Cli;
using TuiPorts.Tests.TestSupport;

namespace TuiPorts.Tests.Cli;

public sealed class VersionTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLineInterface.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Version_prints_tuiports_and_the_version_set_in_Directory_Build_props_then_exits_0()
    {
        string declared = XDocument.Load(RepoFiles.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

        var (code, output, error) = Run("--version");

        Assert.Equal(0, code);
        Assert.Equal($"tuiports {declared}\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Version_with_anything_else_is_a_usage_error()
    {
        var (code, output, error) = Run("--version", "--once");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("tuiports: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_binary_says_its_version_the_same_way()
    {
        var result = CliProcess.Run(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"tuiports {ProgramVersion.Number}", result.Stdout.TrimEnd('\n'));
    }
}
