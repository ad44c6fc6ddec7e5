using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Terminal.Gui.Configuration;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;

namespace TuiPorts.Tests.Ui;

/// <summary>
/// The native build stubs Terminal.Gui's module initializer and the UI calls <see cref="TerminalGuiConfiguration.Apply"/>
/// instead. These tests hold the two together: the stub must name the initializer Terminal.Gui has, and that initializer
/// must do nothing but what Apply does, so a Terminal.Gui update that renames it or makes it do more fails here.
/// </summary>
public sealed class TerminalGuiConfigurationTests
{
    private const string SubstitutionsFile = "src/TuiPorts/Aot/TerminalGui.Substitutions.xml";

    private static readonly Assembly TerminalGui = typeof(TuiConfigurationBuilder).Assembly;

    [Fact]
    public void The_project_hands_the_substitutions_to_the_aot_compiler()
    {
        string project = RepoFiles.Read("src/TuiPorts/TuiPorts.csproj");

        Assert.Contains("<IlcArg Include=\"--substitution:$(MSBuildThisFileDirectory)Aot/TerminalGui.Substitutions.xml\" />", project);
        Assert.True(File.Exists(RepoFiles.PathOf(SubstitutionsFile)));
    }

    [Fact]
    public void Every_stubbed_method_is_a_module_initializer_of_the_terminal_gui_in_use()
    {
        var stubbed = StubbedMethods().ToList();

        Assert.NotEmpty(stubbed);
        foreach (var method in stubbed)
        {
            Assert.True(method.IsStatic, method.Name);
            Assert.Empty(method.GetParameters());
            Assert.NotNull(method.GetCustomAttribute<ModuleInitializerAttribute>());
        }
    }

    [Fact]
    public void The_stubbed_initializer_calls_only_what_apply_calls()
    {
        var initializer = StubbedMethods().SelectMany(CalledMethods).Select(Name).Order().ToList();
        var apply = CalledMethods(typeof(TerminalGuiConfiguration).GetMethod(nameof(TerminalGuiConfiguration.Apply))!).Select(Name).Order().ToList();

        Assert.Contains("TuiConfigurationBuilder.ApplyToStaticFacades", initializer);
        Assert.Equal(initializer, apply);
    }

    [Fact]
    public void Apply_leaves_the_built_in_themes_in_place_and_can_run_twice()
    {
        TerminalGuiConfiguration.Apply();
        TerminalGuiConfiguration.Apply();

        Assert.Contains(ThemeManager.DEFAULT_THEME_NAME, ThemeManager.GetThemeNames());
        Assert.Equal(ThemeManager.DEFAULT_THEME_NAME, ThemeManager.GetCurrentThemeName());
    }

    private static IEnumerable<MethodInfo> StubbedMethods()
    {
        var xml = XDocument.Load(RepoFiles.PathOf(SubstitutionsFile));
        foreach (var assembly in xml.Root!.Elements("assembly"))
        {
            Assert.Equal(TerminalGui.GetName().Name, (string?)assembly.Attribute("fullname"));
            foreach (var type in assembly.Elements("type"))
            {
                var declaring = TerminalGui.GetType((string)type.Attribute("fullname")!, throwOnError: true)!;
                foreach (var method in type.Elements("method"))
                {
                    string signature = (string)method.Attribute("signature")!; // "System.Void Name()"
                    string name = signature.Split(' ')[1].TrimEnd(')').TrimEnd('(');
                    yield return declaring.GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                        ?? throw new Xunit.Sdk.XunitException($"{declaring}.{name} is not in Terminal.Gui {TerminalGui.GetName().Version}");
                }
            }
        }
    }

    private static string Name(MethodBase method) => $"{method.DeclaringType!.Name}.{method.Name}";

    /// <summary>The methods a method's IL calls (call, callvirt, newobj), read from its body.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        byte[] il = method.GetMethodBody()!.GetILAsByteArray()!;
        var module = method.Module;
        short[] calls = [OpCodes.Call.Value, OpCodes.Callvirt.Value, OpCodes.Newobj.Value];
        for (int i = 0; i + 4 < il.Length; i++)
        {
            if (calls.Contains(il[i]) && TryResolve(module, BitConverter.ToInt32(il, i + 1)) is { } called)
            {
                yield return called;
                i += 4;
            }
        }
    }

    private static MethodBase? TryResolve(Module module, int token)
    {
        try
        {
            return module.ResolveMethod(token);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException)
        {
            return null;
        }
    }
}
