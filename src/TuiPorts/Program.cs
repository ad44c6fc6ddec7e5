using TuiPorts.Cli;

namespace TuiPorts;

public static class Program
{
    public static int Main(string[] args)
    {
        var output = ProcessStreams.Stdout.Writer;
        var error = ProcessStreams.Stderr.Writer;
        try
        {
            return CommandLineInterface.Run(args, output, error);
        }
        finally
        {
            Flush(output);
            Flush(error);
        }
    }

    private static void Flush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // stdout closed early (| head): nothing left to say
        }
    }
}
