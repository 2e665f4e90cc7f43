/// Engine API answers used by the client tests.
///
/// `podman*` were recorded from a real `podman system service` (Podman 4.3.1, Debian 12) on this
/// project's test machine (trimmed to the fields Bulwark reads, values unchanged). `docker*` are
/// written by hand in the exact shapes the Docker Engine API reference (v1.45) documents for
/// `GET /containers/{id}/json`, `GET /containers/json` and `GET /images/{name}/json`, since no Docker
/// daemon runs on the test machine.
enum RecordedResponses {
    static let podmanContainerInspect = #"""
{"Id":"37a948bf2105ad877cc15c6d7aa0a670774b7adbd235f917ed8acb3ef1cd8096","Created":"2026-11-30T12:36:41.889797843Z","Path":"/bin/sleep","Args":["1000"],"State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":14988,"ExitCode":0,"Error":"","StartedAt":"2026-11-30T12:36:42.552818829Z","FinishedAt":"0001-01-01T00:00:00Z","Health":{"Status":"","FailingStreak":0,"Log":null}},"Image":"sha256:445ec2f43bf206c36f41a6e68a401d7cfbf79b8a153bb73a672ea4efb6c5e2cc","Name":"/c1","AppArmorProfile":"","ProcessLabel":"","MountLabel":"","Mounts":[],"Config":{"Hostname":"37a948bf2105","User":"","Env":["TERM=xterm","container=podman","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOSTNAME=37a948bf2105"],"Cmd":["/bin/sleep","1000"],"Image":"localhost/bb:1"},"HostConfig":{"Binds":[],"ContainerIDFile":"","LogConfig":{"Type":"json-file","Config":null},"NetworkMode":"bridge","PortBindings":{},"RestartPolicy":{"Name":"","MaximumRetryCount":0},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"CapAdd":["NET_ADMIN"],"CapDrop":["AUDIT_WRITE","MKNOD","NET_RAW"],"CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":[],"GroupAdd":[],"IpcMode":"shareable","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"private","Privileged":false,"PublishAllPorts":false,"ReadonlyRootfs":true,"SecurityOpt":[],"Tmpfs":{"/run":"rw,rprivate,nosuid,nodev,tmpcopyup","/tmp":"rw,rprivate,nosuid,nodev,tmpcopyup","/var/tmp":"rw,rprivate,nosuid,nodev,tmpcopyup"},"UTSMode":"private","UsernsMode":"","ShmSize":65536000,"Runtime":"oci","ConsoleSize":[0,0],"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":null,"BlkioDeviceReadBps":null,"BlkioDeviceWriteBps":null,"BlkioDeviceReadIOps":null,"BlkioDeviceWriteIOps":null,"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"KernelMemory":0,"KernelMemoryTCP":0,"MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":0,"OomKillDisable":false,"PidsLimit":2048,"Ulimits":[{"Name":"RLIMIT_NOFILE","Hard":1024,"Soft":1024},{"Name":"RLIMIT_NPROC","Hard":1024,"Soft":1024}],"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null}}
"""#

    static let podmanVersion = #"""
{"Platform":{"Name":"linux/amd64/debian-12"},"Components":[{"Name":"Podman Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.1","Arch":"amd64","BuildTime":"1970-01-01T00:00:00Z","Experimental":"false","GitCommit":"","GoVersion":"go1.19.8","KernelVersion":"6.18.44-fc-v595","MinAPIVersion":"4.0.0","Os":"linux"}},{"Name":"Conmon","Version":"conmon version 2.1.6, commit: unknown","Details":{"Package":"conmon_2.1.6+ds1-1_amd64"}},{"Name":"OCI Runtime (crun)","Version":"crun version 1.8.1\ncommit: f8a096be060b22ccd3d5f3ebe44108517fbf6c30\nrundir: /run/crun\nspec: 1.0.0\n+SYSTEMD +SELINUX +APPARMOR +CAP +SECCOMP +EBPF +YAJL","Details":{"Package":"crun_1.8.1-1+deb12u1_amd64"}}],"Version":"4.3.1","ApiVersion":"1.41","MinAPIVersion":"1.24","GitCommit":"","GoVersion":"go1.19.8","Os":"linux","Arch":"amd64","KernelVersion":"6.18.44-fc-v595","BuildTime":"1970-01-01T00:00:00Z"}
"""#

    static let podmanContainerList = #"""
[{"Id":"37a948bf2105ad877cc15c6d7aa0a670774b7adbd235f917ed8acb3ef1cd8096","Names":["/c1"],"Image":"localhost/bb:1","ImageID":"sha256:445ec2f43bf206c36f41a6e68a401d7cfbf79b8a153bb73a672ea4efb6c5e2cc","Command":"/bin/sleep 1000","Created":1796042201,"Ports":[],"Labels":{},"State":"running","Status":"Up 2 minutes","NetworkSettings":{"Networks":{"podman":{"IPAMConfig":null,"Links":null,"Aliases":["37a948bf2105"],"NetworkID":"podman","EndpointID":"","Gateway":"10.88.0.1","IPAddress":"10.88.0.6","IPPrefixLen":16,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"4a:10:7d:84:79:86","DriverOpts":null}}},"Mounts":[],"Name":"","Config":null,"NetworkingConfig":null,"Platform":null,"AdjustCPUShares":false}]
"""#

    static let podmanImageNotFound = #"""
{"cause":"image not known","message":"failed to find image nope: docker.io/library/nope: image not known","response":404}
"""#

    static let dockerDangerousInspect = #"""
{"Id":"ba033ac4401106a3b513bc9d639eee123ad78ca3616b921167cd74b20e25ed39","Created":"2024-05-01T10:00:00.000000000Z","Path":"/bin/sh","Args":[],
"State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":4242,"ExitCode":0,"Error":"","StartedAt":"2024-05-01T10:00:01.000000000Z","FinishedAt":"0001-01-01T00:00:00Z"},
"Image":"sha256:9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d","Name":"/ops-agent","RestartCount":0,"Driver":"overlay2","Platform":"linux","MountLabel":"","ProcessLabel":"","AppArmorProfile":"unconfined","ExecIDs":null,
"HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock","/etc:/host/etc:ro","/:/rootfs"],"NetworkMode":"host","PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"80"}],"8443/tcp":[{"HostIp":"0.0.0.0","HostPort":"8443"}]},
"CapAdd":["CAP_SYS_ADMIN","NET_RAW"],"CapDrop":null,"CgroupnsMode":"host","IpcMode":"host","PidMode":"host","Privileged":true,"ReadonlyRootfs":false,
"SecurityOpt":["seccomp:unconfined","label=disable"],"UTSMode":"host","UsernsMode":"host","Runtime":"runc","Memory":0,"NanoCpus":0,"CpuShares":0,"CpuQuota":0,"PidsLimit":null,
"Devices":[{"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"}]},
"Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"},
{"Type":"bind","Source":"/etc","Destination":"/host/etc","Mode":"ro","RW":false,"Propagation":"rprivate"},
{"Type":"bind","Source":"/","Destination":"/rootfs","Mode":"","RW":true,"Propagation":"rshared"},
{"Type":"volume","Name":"data","Source":"/var/lib/docker/volumes/data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}],
"Config":{"Hostname":"host","User":"","Env":["PATH=/usr/bin:/bin"],"Cmd":["/bin/sh"],"Image":"example/ops-agent:2.1","Labels":{}},
"NetworkSettings":{"Networks":{"host":{"NetworkID":"7ea29fc1412292a2d7bba362f9253545fecdfa8ce9a6e37dd10ba8bee7129812"}}}}
"""#

    static let dockerHardenedInspect = #"""
{"Id":"e90e34656806c7bd1d9bbaa2ffa5ba4d1cab8dd0ac7b5fd13aa3e7a8abd7bbf2","Name":"/api","Image":"sha256:3e2f21a89f0cf3a9c9a7b5b8dd6f5e6d10c2b8c7a0a1a0fd6d5c1aa0a1d3f4e5",
"State":{"Status":"running","Running":true},"AppArmorProfile":"docker-default","ProcessLabel":"",
"HostConfig":{"Binds":null,"NetworkMode":"bridge","PortBindings":{"8080/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]},"CapAdd":null,"CapDrop":["ALL"],
"IpcMode":"private","PidMode":"","Privileged":false,"ReadonlyRootfs":true,"SecurityOpt":["no-new-privileges:true"],"UTSMode":"","UsernsMode":"",
"Runtime":"runsc","Memory":268435456,"NanoCpus":500000000,"CpuShares":0,"PidsLimit":100,"Devices":[]},
"Mounts":[{"Type":"tmpfs","Source":"","Destination":"/tmp","Mode":"","RW":true,"Propagation":""}],
"Config":{"User":"10001:10001","Image":"example/api:1.4","Healthcheck":{"Test":["CMD","/app/health"],"Interval":30000000000}}}
"""#

    static let dockerContainerList = #"""
[{"Id":"8dfafdbc3a40","Names":["/boring_feynman"],"Image":"ubuntu:latest","ImageID":"sha256:d74508fb6632491cea586a1fd7d748dfc5274cd6fdfedee309ecdcbc2bf5cb82","Command":"echo 1","Created":1367854155,"State":"running","Status":"Up 2 hours","Ports":[{"PrivatePort":2222,"PublicPort":3333,"Type":"tcp"}],"Labels":{"com.example.vendor":"Acme"},"SizeRw":12288,"SizeRootFs":0,"HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{"bridge":{"NetworkID":"7ea29fc1412292a2d7bba362f9253545fecdfa8ce9a6e37dd10ba8bee7129812"}}},"Mounts":[]},
{"Id":"9cd87474be90","Names":["/coolName"],"Image":"ubuntu:latest","ImageID":"sha256:d74508fb6632491cea586a1fd7d748dfc5274cd6fdfedee309ecdcbc2bf5cb82","Command":"echo 222222","Created":1367854155,"State":"running","Status":"Up 1 minute","Ports":[],"Labels":{},"SizeRw":12288,"SizeRootFs":0}]
"""#

    static let dockerImageInspect = #"""
{"Id":"sha256:ec3f0931a6e6b6855d76b2d7b0be30e81860baccd891b2e243280bf1cd8ad710","RepoTags":["example:1.0","example:latest"],"RepoDigests":["example@sha256:afcc7f1ac1b49db317a7196c902e61c6c3c4607d63599ee1a82d702d249a0ccb"],"Parent":"","Comment":"","Created":"2022-02-04T21:20:12.497794809Z","Architecture":"arm","Variant":"v7","Os":"linux","Size":1239828,"RootFS":{"Type":"layers","Layers":["sha256:1834950e52ce4d5a88a1bbd131615c0d5ae6b2dd6b4bb4b2a5d60fb9d2a1ec09"]}}
"""#
}
