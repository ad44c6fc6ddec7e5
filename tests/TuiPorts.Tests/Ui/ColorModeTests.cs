using Terminal.Gui.Drawing;
using TuiPorts.Cli;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Scanning;
using TuiPorts.Core.Tests.TestSupport;
using TuiPorts.Tests.TestSupport;
using TuiPorts.Ui;
using static TuiPorts.Core.Tests.TestSupport.FixtureProcTree;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Schemes = TuiPorts.Ui.Schemes;
using TuiPorts.Hosting;

namespace TuiPorts.Tests.Ui;

/// <summary>Colour is negotiated: NO_COLOR and --no-color paint none, 24-bit only when advertised, the terminal's own background.</summary>
public sealed class ColorModeTests
{
    [Theory]
    [InlineData(false, null, null, "xterm-256color", ColorMode.Sixteen)]
    [InlineData(false, null, "truecolor", "xterm-256color", ColorMode.TrueColor)]
    [InlineData(false, null, "24bit", "xterm-direct", ColorMode.TrueColor)]
    [InlineData(false, null, null, "screen", ColorMode.Sixteen)] // screen/tmux without COLORTERM: never 24-bit
    [InlineData(false, null, null, "linux", ColorMode.Sixteen)]
    [InlineData(false, "1", "truecolor", "xterm-256color", ColorMode.None)] // NO_COLOR wins over everything
    [InlineData(false, "anything", null, "xterm", ColorMode.None)]
    [InlineData(true, null, "truecolor", "xterm-256color", ColorMode.None)] // --no-color
    [InlineData(false, "", null, "xterm", ColorMode.Sixteen)] // an empty NO_COLOR is not set (no-color.org)
    public void The_colour_mode_follows_the_flag_NO_COLOR_and_COLORTERM(bool noColorFlag, string? noColor, string? colorTerm, string term, ColorMode expected)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["COLORTERM"] = colorTerm, ["TERM"] = term };

        Assert.Equal(expected, UiOptions.DetectColors(noColorFlag, sixteen: false, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Without_colour_every_scheme_is_default_coloured_and_the_selection_is_reverse_video()
    {
        var schemes = new Schemes(ColorMode.None);

        Assert.All(AllOf(schemes), a =>
        {
            Assert.Equal(Color.None, a.Foreground);
            Assert.Equal(Color.None, a.Background);
        });
        Assert.True(schemes.Normal.Focus.Style.HasFlag(TextStyle.Reverse));
        Assert.True(schemes.Header.Normal.Style.HasFlag(TextStyle.Reverse));
        Assert.True(schemes.NewRow.Normal.Style.HasFlag(TextStyle.Bold));
    }

    [Theory]
    [InlineData(ColorMode.Sixteen)]
    [InlineData(ColorMode.TrueColor)]
    public void With_colour_only_the_header_and_the_selection_have_a_background(ColorMode mode)
    {
        var schemes = new Schemes(mode);

        Assert.All(
            new[] { schemes.Normal, schemes.Field, schemes.InvalidField, schemes.Error, schemes.Hint, schemes.NewRow, schemes.GoneRow, schemes.StaleRow },
            s => Assert.Equal(Color.None, s.Normal.Background));
        Assert.NotEqual(Color.None, schemes.Header.Normal.Background);
        Assert.NotEqual(Color.None, schemes.Normal.Focus.Background);
    }

    [Theory]
    [InlineData(ColorMode.None, false)]
    [InlineData(ColorMode.Sixteen, true)]
    public void The_headless_screen_without_colour_has_no_coloured_cell(ColorMode mode, bool colouredCells)
    {
        using var proc = new FixtureProcTree();
        proc.WriteTable("tcp", [Row(0, "0100007F:2328", "00000000:0000", "0A", 500)]);
        proc.AddProcess(100, "api-server", "./api-server").AddSocketFd(100, 3, 500);
        using var ui = new HeadlessUi(TestContexts.For(proc.ProcRoot) with { Colors = mode }, 80, 24);
        ui.Show(new ProcSnapshotSource(proc.ProcRoot).Take());
        _ = ui.Screen;

        var cells = ui.App.Driver!.Contents!;
        var coloured = new List<string>();
        for (int y = 0; y < cells.GetLength(0); y++)
        {
            for (int x = 0; x < cells.GetLength(1); x++)
            {
                if (cells[y, x].Attribute is { } a && (a.Foreground != Color.None || a.Background != Color.None))
                {
                    coloured.Add($"({x},{y}) {a}");
                }
            }
        }

        Assert.Equal(colouredCells, coloured.Count > 0);
    }

    private static IEnumerable<Attribute> AllOf(Schemes schemes) =>
        new[] { schemes.Normal, schemes.Header, schemes.Field, schemes.InvalidField, schemes.Error, schemes.Hint, schemes.NewRow, schemes.GoneRow, schemes.StaleRow }
            .SelectMany(s => new[] { s.Normal, s.Focus, s.Active, s.Editable, s.HotNormal, s.HotFocus, s.Highlight });
}
