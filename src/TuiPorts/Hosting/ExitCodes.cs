namespace TuiPorts.Hosting;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed at run time (or, for kill, a target survived or was refused).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown flag, bad port filter.</summary>
    public const int Usage = 2;
}
