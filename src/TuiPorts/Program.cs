using TuiPorts.Cli;

namespace TuiPorts;

public static class Program
{
    public static int Main(string[] args) => CommandLineInterface.Run(args, Console.Out, Console.Error);
}
