using TuiPorts.Core.ProcFs;

namespace TuiPorts.Core.Tests.ProcFs;

public sealed class CgroupFileTests
{
    private const string Id = "4f9c2a1b3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

    [Theory]
    [InlineData("0::/system.slice/nginx.service\n", "/system.slice/nginx.service", "nginx.service", null)]
    [InlineData("0::/user.slice/user-0.slice/session-3.scope\n", "/user.slice/user-0.slice/session-3.scope", "session-3.scope", null)]
    [InlineData("0::/system.slice/postgresql@15-main.service/app\n", "/system.slice/postgresql@15-main.service/app", "postgresql@15-main.service", null)]
    [InlineData("0::/system.slice/docker-" + Id + ".scope\n", "/system.slice/docker-" + Id + ".scope", "docker-" + Id + ".scope", "4f9c2a1b3d5e")]
    [InlineData("0::/machine.slice/libpod-" + Id + ".scope/container\n", "/machine.slice/libpod-" + Id + ".scope/container", "libpod-" + Id + ".scope", "4f9c2a1b3d5e")]
    [InlineData("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/cri-containerd-" + Id + ".scope\n",
        "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/cri-containerd-" + Id + ".scope", "cri-containerd-" + Id + ".scope", "4f9c2a1b3d5e")]
    [InlineData("0::/kubepods.slice/kubepods-pod2.slice/crio-" + Id + ".scope\n",
        "/kubepods.slice/kubepods-pod2.slice/crio-" + Id + ".scope", "crio-" + Id + ".scope", "4f9c2a1b3d5e")]
    [InlineData("0::/\n", "/", null, null)]
    public void Cgroup_v2_paths_name_the_unit_and_the_container(string text, string path, string? unit, string? container)
    {
        var info = CgroupFile.Parse(text);

        Assert.NotNull(info);
        Assert.Equal(path, info.Path);
        Assert.Equal(unit, info.Unit);
        Assert.Equal(container, info.Container);
    }

    [Fact]
    public void Cgroup_v1_takes_the_systemd_hierarchy()
    {
        string text = "12:pids:/system.slice/redis-server.service\n11:memory:/system.slice/redis-server.service\n"
            + "1:name=systemd:/system.slice/redis-server.service\n0::/\n";

        var info = CgroupFile.Parse(text)!;

        Assert.Equal("/system.slice/redis-server.service", info.Path);
        Assert.Equal("redis-server.service", info.Unit);
    }

    [Fact]
    public void Cgroup_v1_docker_paths_name_the_container()
    {
        var info = CgroupFile.Parse($"12:cpu,cpuacct:/docker/{Id}\n1:name=systemd:/docker/{Id}\n")!;

        Assert.Equal("4f9c2a1b3d5e", info.Container);
        Assert.Null(info.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("garbage without colons\n")]
    [InlineData("0::\n")]
    public void Missing_or_malformed_text_is_no_cgroup(string? text) => Assert.Null(CgroupFile.Parse(text));
}
