using TuiPorts.Cli;
using TuiPorts.Hosting;

namespace TuiPorts;

/// <summary>
/// The composition root: the process's streams, the registry of the ssh sessions it starts (ended at every way out,
/// process exit included), and the full-screen UI handed to the command line, which never references it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var output = ProcessStreams.Stdout.Writer;
        var error = ProcessStreams.Stderr.Writer;
        var children = new Core.Remote.ChildProcesses();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => children.KillAll();
        try
        {
            int code = CommandLineInterface.Run(args, output, error, Ui.UiLauncher.Run, children);
            output.Flush();
            return code;
        }
        catch (BrokenPipeException)
        {
            return 128 + 13; // SIGPIPE's status, as a shell reports `ss | head`; nothing left to say to anyone
        }
        finally
        {
            children.KillAll(); // no ssh session outlives tuiports
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
