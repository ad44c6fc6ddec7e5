using TuiPorts.Core.Killing;
using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.Killing;

/// <summary>Supervisors are named from facts, and only validated names ever reach a suggested command.</summary>
public sealed class SupervisorFinderTests
{
    private static readonly ProcessInfo Systemd = Process(1, 0, "systemd");

    private static ProcessInfo Process(int pid, int ppid, string name, string? cgroup = null, string? cmd = null) =>
        new(pid, name, cmd ?? name, 0, "root", 100, null, ppid, false) { Cgroup = CgroupFile.Parse(cgroup) };

    private static Supervisor? Find(ProcessInfo target, TargetFacts? facts = null, TargetFacts? parentFacts = null, params ProcessInfo[] others)
    {
        var all = others.Append(Systemd).Append(target).ToDictionary(p => p.Pid);
        return SupervisorFinder.Find(target, facts ?? TargetFacts.None, pid => all.GetValueOrDefault(pid), _ => parentFacts ?? TargetFacts.None);
    }

    [Fact]
    public void A_system_unit_is_named_with_its_systemctl_command()
    {
        var nginx = Process(200, 1, "nginx", "0::/system.slice/nginx.service\n");

        var found = Find(nginx);

        Assert.Equal(new Supervisor(SupervisorKind.Systemd, 1, "systemd unit nginx.service", "systemctl stop nginx.service"), found);
    }

    [Fact]
    public void A_users_own_unit_named_sshd_service_is_not_the_system_sshd()
    {
        var spoof = Process(300, 1, "sshd", "0::/user.slice/user-1000.slice/user@1000.service/app.slice/sshd.service\n");

        Assert.Null(Find(spoof));
    }

    [Theory]
    [InlineData("0::/system.slice/a;id;.service\n")]
    [InlineData("0::/system.slice/a$(id).service\n")]
    [InlineData("0::/system.slice/a b.service\n")]
    public void A_unit_name_outside_systemds_grammar_gives_no_command(string cgroup) =>
        Assert.Null(Find(Process(200, 1, "evil", cgroup)));

    [Fact]
    public void Without_systemd_as_pid_1_a_system_slice_path_names_nothing()
    {
        var nginx = Process(200, 1, "nginx", "0::/system.slice/nginx.service\n");
        var all = new Dictionary<int, ProcessInfo> { [1] = Process(1, 0, "tini"), [200] = nginx };

        Assert.Null(SupervisorFinder.Find(nginx, TargetFacts.None, pid => all.GetValueOrDefault(pid), _ => TargetFacts.None));
    }

    [Fact]
    public void A_supervisord_program_is_named_from_the_childs_environment()
    {
        var supervisord = Process(50, 1, "supervisord", cmd: "/usr/bin/python3 /usr/bin/supervisord -c /etc/supervisor/supervisord.conf");
        var memcached = Process(60, 50, "memcached");

        var found = Find(memcached, new TargetFacts(null, null, "cache", null), null, supervisord);
        var spoofed = Find(memcached, new TargetFacts(null, null, "cache;id", null), null, supervisord);

        Assert.Equal(new Supervisor(SupervisorKind.Supervisord, 50, "supervisord", "supervisorctl stop cache"), found);
        Assert.Equal(new Supervisor(SupervisorKind.Supervisord, 50, "supervisord", null), spoofed);
    }

    [Fact]
    public void The_environment_alone_names_no_supervisord()
    {
        var shell = Process(50, 1, "bash");
        Assert.Null(Find(Process(60, 50, "memcached"), new TargetFacts(null, null, "cache", null), null, shell));
    }

    [Fact]
    public void Runit_and_s6_are_named_with_their_service_directory()
    {
        var runsv = Process(70, 1, "runsv");
        var s6 = Process(71, 1, "s6-supervise");

        var runit = Find(Process(80, 70, "redis-server"), null, new TargetFacts(null, null, null, "/etc/service/redis"), runsv);
        var s6found = Find(Process(81, 71, "redis-server"), null, new TargetFacts(null, null, null, "/run/service/redis"), s6);
        var odd = Find(Process(80, 70, "redis-server"), null, new TargetFacts(null, null, null, "/etc/service/x;reboot"), runsv);

        Assert.Equal("sv down /etc/service/redis", runit!.StopCommand);
        Assert.Equal("s6-svc -d /run/service/redis", s6found!.StopCommand);
        Assert.Equal(SupervisorKind.Runit, odd!.Kind);
        Assert.Null(odd.StopCommand);
    }

    [Fact]
    public void A_parent_is_a_supervisor_only_once_it_was_seen_restarting_a_child()
    {
        var loop = Process(90, 1, "bash");
        var server = Process(91, 90, "perl");
        var all = new Dictionary<int, ProcessInfo> { [1] = Systemd, [90] = loop, [91] = server };
        var seen = new HashSet<(int, ulong)> { (90, 100) };

        Assert.Null(SupervisorFinder.Find(server, TargetFacts.None, pid => all.GetValueOrDefault(pid), _ => TargetFacts.None));
        Assert.Equal(SupervisorKind.Parent, SupervisorFinder.Find(server, TargetFacts.None, pid => all.GetValueOrDefault(pid), _ => TargetFacts.None, seen)!.Kind);
    }
}
