using TuiPorts.Core.Killing;
using TuiPorts.Core.ProcFs;
using TuiPorts.Core.Tests.TestSupport;

namespace TuiPorts.Core.Tests.Killing;

public sealed class KillPolicyTests
{
    private readonly KillPolicy _policy = Policies.WithParent(500, 400);

    private static ProcessInfo Process(int pid, bool kernelThread = false) =>
        new(pid, "name", "cmd", 0, "root", 1, null, 1, kernelThread);

    [Theory]
    [InlineData(1, false, "pid 1 is the init process")]
    [InlineData(2, true, "kernel thread")]
    [InlineData(500, false, "tuiports itself")]
    [InlineData(400, false, "is an ancestor of tuiports")]
    public void Refuses_init_kernel_threads_itself_and_its_shell(int pid, bool kernelThread, string reason)
    {
        var process = Process(pid, kernelThread);
        Assert.Contains(reason, Core.Presentation.Wording.Refusal(_policy.Check(process), process), StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_an_ordinary_process()
    {
        Assert.Equal(KillRefusal.None, _policy.Check(Process(1234)));
    }

    [Fact]
    public void Knows_its_own_pid_and_parent()
    {
        var policy = KillPolicy.ForThisProcess(ProcRoot.Default);
        Assert.Equal(Environment.ProcessId, policy.OwnPid);
        int parent = ProcStat.Parse(File.ReadAllText("/proc/self/stat"))!.ParentPid;
        Assert.True(policy.IsAncestor(parent));
        Assert.False(policy.IsAncestor(Environment.ProcessId));
    }
}
