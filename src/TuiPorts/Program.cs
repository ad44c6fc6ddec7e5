using TuiPorts.Cli;
using TuiPorts.Hosting;

namespace TuiPorts;

public static class Program
{
    public static int Main(string[] args)
    {
        var output = ProcessStreams.Stdout.Writer;
        var error = ProcessStreams.Stderr.Writer;
        try
        {
            int code = CommandLineInterface.Run(args, output, error, Ui.UiLauncher.Run);
            output.Flush();
            return code;
        }
        catch (BrokenPipeException)
        {
            return 128 + 13; // SIGPIPE's status, as a shell reports `ss | head`; nothing left to say to anyone
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
