# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_pontoon_global_optspecs
    string join \n root= runroot= log-level= D/debug storage-driver= storage-opt= events-backend= cgroup-manager= runtime= runtime-flag= noout config= h/help V/version
end

function __fish_pontoon_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_pontoon_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_pontoon_using_subcommand
    set -l cmd (__fish_pontoon_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c pontoon -n "__fish_pontoon_needs_command" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_needs_command" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_needs_command" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l runtime -d 'Default OCI runtime of run and create (crun, runc, a path; pontoon\'s own when unset)' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l runtime-flag -d 'A flag for the OCI runtime (without its dashes), e.g. --runtime-flag debug' -r
complete -c pontoon -n "__fish_pontoon_needs_command" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_needs_command" -s D -l debug -d 'Debug output (--log-level debug); before the command, as Docker\'s -D'
complete -c pontoon -n "__fish_pontoon_needs_command" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_needs_command" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_needs_command" -s V -l version -d 'Print version'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "run" -d 'Create and run a container'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "create" -d 'Create a container without starting it'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "start" -d 'Start stopped containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "rm" -d 'Remove containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL)'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "restart" -d 'Stop then start containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "kill" -d 'Send a signal to running containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "logs" -d 'Show a container\'s output'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "stats" -d 'Show containers\' resource usage'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "pause" -d 'Pause every process of containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "unpause" -d 'Resume paused containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "cp" -d 'Copy files between a container and the host'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "diff" -d 'Show the files a container added, changed or deleted'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "export" -d 'Write a container\'s filesystem as a tar archive'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "rename" -d 'Rename a container'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "port" -d 'List a container\'s published ports'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "attach" -d 'Attach to a running container\'s terminal or streams'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "top" -d 'List a container\'s processes'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "mount" -d 'Mount containers\' root filesystems and print where (without names: list the mounted ones)'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "umount" -d 'Unmount containers\' root filesystems mounted with `mount`'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "unmount" -d 'Unmount containers\' root filesystems mounted with `mount`'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "ps" -d 'List containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "container" -d 'Manage containers'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "pull" -d 'Download an image from a registry'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "push" -d 'Upload an image to a registry'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "login" -d 'Log in to a registry'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "logout" -d 'Log out of a registry'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "search" -d 'Search a registry for repositories'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "build" -d 'Build an image from a Dockerfile'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "builder" -d 'Manage the build cache (`builder build`, `builder prune`)'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "buildx" -d 'Docker\'s buildx: `buildx build` and `buildx prune`'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "images" -d 'List images'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "tag" -d 'Give an image another name'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "untag" -d 'Remove names from an image (all of them when none is given)'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "history" -d 'Show the layers an image was built from'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "inspect" -d 'Show low-level information on containers and images'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "import" -d 'Create an image from a root filesystem tarball'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "save" -d 'Write images to a docker-archive or oci-archive tarball'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "load" -d 'Load images from a docker-archive or oci-archive tarball'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "image" -d 'Manage images'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "info" -d 'Show system-wide information'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "events" -d 'Show what containers, images, volumes, networks and pods went through'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "version" -d 'Show version information'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "system" -d 'Manage pontoon itself'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "network" -d 'Manage networks'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "manifest" -d 'Manage manifest lists of multi-arch images'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "secret" -d 'Manage secrets: data containers get at /run/secrets or in a variable'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "pod" -d 'Manage pods: containers that share namespaces'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "compose" -d 'Run multi-container applications from Compose files'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "kube" -d 'Play, tear down and generate Kubernetes manifests'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "play" -d 'Podman\'s older spelling of `kube play`'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "generate" -d 'Podman\'s older spelling of `kube generate`'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "unshare" -d 'Run a command in the rootless storage namespace (as Podman\'s unshare)'
complete -c pontoon -n "__fish_pontoon_needs_command" -f -a "healthcheck" -d 'Run containers\' healthchecks'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l sig-proxy -d 'Forward received signals to the container' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1) to the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l name -d 'Name of the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s h -l hostname -d 'Container host name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l tmpfs -d 'Mount a tmpfs (PATH[:OPTIONS])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s v -l volume -d 'Bind mount or volume (SOURCE:TARGET[:ro,z,U...], or TARGET for an anonymous volume)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l mount -d 'Mount (type=bind|volume|tmpfs,source=,target=,readonly,...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l network -d 'Network: bridge, none, host, container:NAME, pasta, slirp4netns, or a network\'s name (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pod -d 'Run in this pod (by name or Id), or in a new pod with new:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l ipc -d 'IPC namespace: private, shareable (default), none (no /dev/shm), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pid -d 'PID namespace: private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l uts -d 'UTS namespace (hostname): private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l userns -d 'User namespace: host (the default), keep-id[:uid=U,gid=G], nomap or auto[:size=N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l uidmap -d 'Map container uids to host uids in a user namespace of its own: container_uid:host_uid:amount (repeatable; rootless, host uids are those of your user namespace)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l gidmap -d 'Map container gids to host gids, as --uidmap (repeatable; defaults to the --uidmap lines)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l shm-size -d 'Size of /dev/shm (e.g. 16m; default 64m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l secret -d 'Give the container a secret (NAME[,type=mount|env,target=,uid=,gid=,mode=])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, fs.mqueue.*...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l group-add -d 'Add a supplementary group (a name from the image\'s /etc/group, or a gid; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l network-alias -d 'Another name the container has on its user network (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l ip -d 'The container\'s IPv4 or IPv6 address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l mac-address -d 'The container\'s MAC address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l dns -d 'Set a DNS server for the container\'s /etc/resolv.conf (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l dns-search -d 'Set a DNS search domain (repeatable; . for none)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l dns-option -d 'Set a DNS resolver option such as ndots:2 (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l add-host -d 'Add a line to /etc/hosts (NAME:IP, NAME:[IPv6] or NAME:host-gateway)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l expose -d 'Expose a port or a range of ports (PORT[-END][/PROTO])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l stop-signal -d 'Signal to stop the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cap-add -d 'Add Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l ulimit -d 'Ulimit (NAME=SOFT[:HARD])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cpus -d 'Number of CPUs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pids-limit -d 'Maximum number of processes (-1 for unlimited)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-cmd -d 'Command to run to check health (a shell line, or a JSON list; none disables the image\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-interval -d 'Time between checks (ms|s|m|h, default 30s; disable: only `pontoon healthcheck run`)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-timeout -d 'Maximum time a check may run (default 30s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-retries -d 'Consecutive failures needed to report unhealthy (default 3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-start-period -d 'Start period in which failures do not count (default 0s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-start-interval -d 'Time between checks during the start period (default 5s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l health-on-failure -d 'Action once the container turns unhealthy: none, kill, restart or stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l memory-swap -d 'Memory plus swap limit (e.g. 256m), -1 for unlimited swap; at least --memory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l memory-reservation -d 'Memory soft limit (e.g. 32m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l memory-swappiness -d 'How readily the container\'s memory is swapped (0 to 100; -1: the host\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l kernel-memory -d 'Deprecated by Docker and the kernel: accepted and ignored, with a warning' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s c -l cpu-shares -d 'CPU shares, a relative weight (default 1024)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cpu-period -d 'CFS period in microseconds (1000 to 1000000; not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cpu-quota -d 'CFS quota in microseconds per period (not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cpuset-cpus -d 'CPUs the container may run on (e.g. 0-1,3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cpuset-mems -d 'Memory nodes the container may use (e.g. 0)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l blkio-weight -d 'Block I/O weight (10 to 1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l blkio-weight-device -d 'Block I/O weight of one device (/dev/sda:200)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device-read-bps -d 'Read rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device-write-bps -d 'Write rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device-read-iops -d 'Read operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device-write-iops -d 'Write operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l oom-score-adj -d 'OOM score adjustment of the container\'s processes (-1000 to 1000; rootless can only raise it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l personality -d 'Execution domain: LINUX, or LINUX32 (uname -m says i686)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l umask -d 'The process\'s umask (default 0022)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l timeout -d 'Stop the container this many seconds after it starts (0: never)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l read-only-tmpfs -d 'With --read-only, mount a tmpfs on /run, /tmp and /var/tmp (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes, default), tmpfs or ignore' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l security-opt -d 'Security options (seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=ALL|PATH[:PATH...], systempaths=unconfined)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l runtime -d 'OCI runtime to run the container with (crun, runc, youki, or a path)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pull -d 'Pull the image: missing (default), always, never, or newer (always, but the local image when the registry cannot be reached)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cidfile -d 'Write the container\'s Id to FILE (which must not exist)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pidfile -d 'Write the container\'s process Id to FILE at each start' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l conmon-pidfile -d 'Write the container\'s monitor\'s process Id to FILE at each start (Podman\'s conmon)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l log-driver -d 'Log driver: k8s-file (default; json-file is the same) or none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l log-opt -d 'Log options: max-size=SIZE, path=FILE (tag=, max-file=, mode= accepted)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l env-merge -d 'Rewrite an image variable: KEY=VALUE where VALUE may use ${KEY}' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l unsetenv -d 'Remove a variable from the environment (image\'s and defaults too)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l annotation -d 'Add an annotation to the OCI spec (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l requires -d 'Start these containers first (comma-separated), at every start' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l sdnotify -d 'systemd notification: conmon (READY=1 once started, the default), ignore; container is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l systemd -d 'systemd mode: true and false are accepted (pontoon prepares no systemd mounts); always is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l pod-id-file -d 'Read the pod\'s name or Id from FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l authfile -d 'Credentials file for the pull' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l tls-verify -d 'Verify the registry\'s TLS certificate when pulling (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l disable-content-trust -d 'Docker\'s content trust: accepted, pontoon verifies digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device -d 'Give the container a host device (HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l device-cgroup-rule -d 'Allow devices in the device cgroup (\'TYPE MAJOR:MINOR ACCESS\', e.g. \'c 1:3 rwm\')' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s d -l detach -d 'Run in the background and print the container Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l init -d 'Run pontoon\'s init as PID 1 to reap zombies and forward signals'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l read-only -d 'Mount the root filesystem read-only'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l privileged -d 'Give extended privileges to the container'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l oom-kill-disable -d 'Do not let the kernel OOM-kill the container\'s processes (cgroup v1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l replace -d 'Remove a container of the same name first'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l env-host -d 'Pass the host\'s whole environment'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l unsetenv-all -d 'Keep only the variables given with --env'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l no-hosts -d 'Keep the image\'s /etc/hosts instead of writing one'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l rmi -d 'With --rm: remove the image too when the container ends (if no other container uses it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -s q -l quiet -d 'Do not print the pull\'s progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand run" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l name -d 'Name of the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s h -l hostname -d 'Container host name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l tmpfs -d 'Mount a tmpfs (PATH[:OPTIONS])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s v -l volume -d 'Bind mount or volume (SOURCE:TARGET[:ro,z,U...], or TARGET for an anonymous volume)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l mount -d 'Mount (type=bind|volume|tmpfs,source=,target=,readonly,...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l network -d 'Network: bridge, none, host, container:NAME, pasta, slirp4netns, or a network\'s name (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pod -d 'Run in this pod (by name or Id), or in a new pod with new:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l ipc -d 'IPC namespace: private, shareable (default), none (no /dev/shm), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pid -d 'PID namespace: private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l uts -d 'UTS namespace (hostname): private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l userns -d 'User namespace: host (the default), keep-id[:uid=U,gid=G], nomap or auto[:size=N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l uidmap -d 'Map container uids to host uids in a user namespace of its own: container_uid:host_uid:amount (repeatable; rootless, host uids are those of your user namespace)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l gidmap -d 'Map container gids to host gids, as --uidmap (repeatable; defaults to the --uidmap lines)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l shm-size -d 'Size of /dev/shm (e.g. 16m; default 64m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l secret -d 'Give the container a secret (NAME[,type=mount|env,target=,uid=,gid=,mode=])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, fs.mqueue.*...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l group-add -d 'Add a supplementary group (a name from the image\'s /etc/group, or a gid; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l network-alias -d 'Another name the container has on its user network (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l ip -d 'The container\'s IPv4 or IPv6 address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l mac-address -d 'The container\'s MAC address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l dns -d 'Set a DNS server for the container\'s /etc/resolv.conf (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l dns-search -d 'Set a DNS search domain (repeatable; . for none)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l dns-option -d 'Set a DNS resolver option such as ndots:2 (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l add-host -d 'Add a line to /etc/hosts (NAME:IP, NAME:[IPv6] or NAME:host-gateway)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l expose -d 'Expose a port or a range of ports (PORT[-END][/PROTO])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l stop-signal -d 'Signal to stop the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cap-add -d 'Add Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l ulimit -d 'Ulimit (NAME=SOFT[:HARD])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cpus -d 'Number of CPUs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pids-limit -d 'Maximum number of processes (-1 for unlimited)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-cmd -d 'Command to run to check health (a shell line, or a JSON list; none disables the image\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-interval -d 'Time between checks (ms|s|m|h, default 30s; disable: only `pontoon healthcheck run`)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-timeout -d 'Maximum time a check may run (default 30s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-retries -d 'Consecutive failures needed to report unhealthy (default 3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-start-period -d 'Start period in which failures do not count (default 0s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-start-interval -d 'Time between checks during the start period (default 5s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l health-on-failure -d 'Action once the container turns unhealthy: none, kill, restart or stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l memory-swap -d 'Memory plus swap limit (e.g. 256m), -1 for unlimited swap; at least --memory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l memory-reservation -d 'Memory soft limit (e.g. 32m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l memory-swappiness -d 'How readily the container\'s memory is swapped (0 to 100; -1: the host\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l kernel-memory -d 'Deprecated by Docker and the kernel: accepted and ignored, with a warning' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s c -l cpu-shares -d 'CPU shares, a relative weight (default 1024)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cpu-period -d 'CFS period in microseconds (1000 to 1000000; not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cpu-quota -d 'CFS quota in microseconds per period (not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cpuset-cpus -d 'CPUs the container may run on (e.g. 0-1,3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cpuset-mems -d 'Memory nodes the container may use (e.g. 0)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l blkio-weight -d 'Block I/O weight (10 to 1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l blkio-weight-device -d 'Block I/O weight of one device (/dev/sda:200)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device-read-bps -d 'Read rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device-write-bps -d 'Write rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device-read-iops -d 'Read operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device-write-iops -d 'Write operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l oom-score-adj -d 'OOM score adjustment of the container\'s processes (-1000 to 1000; rootless can only raise it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l personality -d 'Execution domain: LINUX, or LINUX32 (uname -m says i686)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l umask -d 'The process\'s umask (default 0022)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l timeout -d 'Stop the container this many seconds after it starts (0: never)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l read-only-tmpfs -d 'With --read-only, mount a tmpfs on /run, /tmp and /var/tmp (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes, default), tmpfs or ignore' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l security-opt -d 'Security options (seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=ALL|PATH[:PATH...], systempaths=unconfined)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l runtime -d 'OCI runtime to run the container with (crun, runc, youki, or a path)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pull -d 'Pull the image: missing (default), always, never, or newer (always, but the local image when the registry cannot be reached)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cidfile -d 'Write the container\'s Id to FILE (which must not exist)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pidfile -d 'Write the container\'s process Id to FILE at each start' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l conmon-pidfile -d 'Write the container\'s monitor\'s process Id to FILE at each start (Podman\'s conmon)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l log-driver -d 'Log driver: k8s-file (default; json-file is the same) or none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l log-opt -d 'Log options: max-size=SIZE, path=FILE (tag=, max-file=, mode= accepted)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l env-merge -d 'Rewrite an image variable: KEY=VALUE where VALUE may use ${KEY}' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l unsetenv -d 'Remove a variable from the environment (image\'s and defaults too)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l annotation -d 'Add an annotation to the OCI spec (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l requires -d 'Start these containers first (comma-separated), at every start' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l sdnotify -d 'systemd notification: conmon (READY=1 once started, the default), ignore; container is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l systemd -d 'systemd mode: true and false are accepted (pontoon prepares no systemd mounts); always is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l pod-id-file -d 'Read the pod\'s name or Id from FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l authfile -d 'Credentials file for the pull' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l tls-verify -d 'Verify the registry\'s TLS certificate when pulling (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l disable-content-trust -d 'Docker\'s content trust: accepted, pontoon verifies digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device -d 'Give the container a host device (HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l device-cgroup-rule -d 'Allow devices in the device cgroup (\'TYPE MAJOR:MINOR ACCESS\', e.g. \'c 1:3 rwm\')' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l init -d 'Run pontoon\'s init as PID 1 to reap zombies and forward signals'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l read-only -d 'Mount the root filesystem read-only'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l privileged -d 'Give extended privileges to the container'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l oom-kill-disable -d 'Do not let the kernel OOM-kill the container\'s processes (cgroup v1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l replace -d 'Remove a container of the same name first'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l env-host -d 'Pass the host\'s whole environment'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l unsetenv-all -d 'Keep only the variables given with --env'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l no-hosts -d 'Keep the image\'s /etc/hosts instead of writing one'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l rmi -d 'With --rm: remove the image too when the container ends (if no other container uses it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -s q -l quiet -d 'Do not print the pull\'s progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l detach-keys -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l sig-proxy -d 'Proxy received signals to the process (with --attach)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -s a -l attach -d 'Attach stdout/stderr and wait for the exit'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -s i -l interactive -d 'Attach stdin'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand start" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s t -l time -d 'Seconds to wait for a running container to stop before it is killed (with --force)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s f -l force -d 'Kill and remove running containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s v -l volumes -d 'Remove anonymous volumes too'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l depend -d 'Remove the containers that depend on these first (they share their namespaces or volumes)'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l timeout -d 'Docker\'s name for --time' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s s -l signal -d 'Signal to stop with (default: the container\'s stop signal, else TERM)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand stop" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l timeout -d 'Docker\'s name for --time' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s s -l signal -d 'Signal to stop with (default: the container\'s stop signal, else TERM)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l running -d 'With --all or --filter: only the running containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand restart" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -s s -l signal -d 'Signal to send' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand kill" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l condition -d 'Wait until the container is in this state (Podman\'s: stopped or exited by default, running, paused, created...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -s i -l interval -d 'How often to look at the state, e.g. 250ms or 1s (with --condition other than stopped, and --exit-first-match)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l ignore -d 'Do not fail on containers that do not exist (their exit code is -1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l exit-first-match -d 'Return as soon as one of the containers meets the condition'
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand wait" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l since -d 'Show entries since (RFC 3339 time or relative: 10s, 5m, 2h)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l until -d 'Show entries before (same forms as --since)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -s n -l tail -d 'Number of lines from the end ("all" for every line)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -s f -l follow -d 'Follow the log'
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -s t -l timestamps -d 'Show timestamps'
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand logs" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -s i -l interval -d 'Seconds between samples (default 1)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -s a -l all -d 'Show all containers (default: running only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l no-reset -d 'Do not clear the screen between samples (each is printed below the last)'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l no-stream -d 'Print one sample and exit'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand stats" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -s a -l archive -d 'Archive mode: keep the owners (uid/gid) of the source'
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -s q -l quiet -d 'Print nothing (accepted for Docker compatibility; cp prints no progress)'
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand cp" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l format -d 'Output: json (the changed, added and deleted paths as Podman prints them); default: one line per change' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand diff" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand export" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s a -l author -d 'Author (e.g. "Jane Doe <jane@example.com>")' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s m -l message -d 'Commit message recorded in the image history' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s p -l pause -d 'Pause the container while committing (the default; --pause=false to not)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l iidfile -d 'Write the new image\'s Id to FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l no-pause -d 'Do not pause the container while committing'
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s q -l quiet -d 'Print nothing but the image Id (pontoon prints nothing else anyway)'
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand commit" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand rename" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -s a -l all -d 'The published ports of every running container, each line after its Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand port" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1) to the process' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s d -l detach -d 'Run the command in the background'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l privileged -d 'Give the command every capability'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand exec" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l sig-proxy -d 'Forward received signals to the container' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l no-stdin -d 'Do not attach stdin'
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand attach" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand top" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l format -d 'Print the list as json' -r -f -a "json\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -s a -l all -d 'Mount every container'
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l no-trunc -l notruncate -d 'Do not truncate Ids in the list'
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand mount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -s f -l force -d 'Accepted for Podman\'s scripts: the mount is undone whatever its count'
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand umount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -s f -l force -d 'Accepted for Podman\'s scripts: the mount is undone whatever its count'
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand unmount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s n -l last -d 'Show the n last created containers' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s f -l filter -d 'Filter: status=, name=, id=, label=, ancestor=, exited=, health=, pod=, restart-policy=, stopped-by-user=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s a -l all -d 'Show all containers (default: running only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s q -l quiet -d 'Show only Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s l -l latest -d 'Show the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s s -l size -d 'Show container sizes'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l no-trunc -d 'Do not truncate output'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l ns -d 'Show the namespaces of each container\'s process (inode numbers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l external -d 'Accepted for Podman\'s scripts: every container in pontoon\'s store is its own, so there is nothing more to show'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s p -l pod -d 'Show the POD ID and PODNAME columns'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand ps" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "run" -d 'Create and run a container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "create" -d 'Create a container without starting it'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "start" -d 'Start stopped containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "rm" -d 'Remove containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "stop" -d 'Stop running containers (stop signal, then SIGKILL)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "restart" -d 'Stop then start containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "kill" -d 'Send a signal to running containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "wait" -d 'Wait for containers to exit and print their exit codes'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "logs" -d 'Show a container\'s output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "stats" -d 'Show containers\' resource usage'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "pause" -d 'Pause every process of containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "unpause" -d 'Resume paused containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "cp" -d 'Copy files between a container and the host'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "diff" -d 'Show the files a container added, changed or deleted'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "export" -d 'Write a container\'s filesystem as a tar archive'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "rename" -d 'Rename a container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "port" -d 'List a container\'s published ports'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "exec" -d 'Run a command in a running container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "attach" -d 'Attach to a running container\'s terminal or streams'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "top" -d 'List a container\'s processes'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "mount" -d 'Mount containers\' root filesystems and print where (without names: list the mounted ones)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "umount" -d 'Unmount containers\' root filesystems mounted with `mount`'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "unmount" -d 'Unmount containers\' root filesystems mounted with `mount`'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "ls" -d 'List containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "list" -d 'List containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "inspect" -d 'Show low-level information on containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "prune" -d 'Remove all stopped containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and not __fish_seen_subcommand_from run create start rm stop restart kill wait logs stats pause unpause cp diff export commit rename port exec attach top mount umount unmount ls list inspect prune exists" -f -a "exists" -d 'Exit 0 when a container exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Forward received signals to the container' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1) to the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name of the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Container host name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs (PATH[:OPTIONS])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount or volume (SOURCE:TARGET[:ro,z,U...], or TARGET for an anonymous volume)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Mount (type=bind|volume|tmpfs,source=,target=,readonly,...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network: bridge, none, host, container:NAME, pasta, slirp4netns, or a network\'s name (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run in this pod (by name or Id), or in a new pod with new:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace: private, shareable (default), none (no /dev/shm), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace: private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace (hostname): private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: host (the default), keep-id[:uid=U,gid=G], nomap or auto[:size=N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'Map container uids to host uids in a user namespace of its own: container_uid:host_uid:amount (repeatable; rootless, host uids are those of your user namespace)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'Map container gids to host gids, as --uidmap (repeatable; defaults to the --uidmap lines)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm (e.g. 16m; default 64m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret (NAME[,type=mount|env,target=,uid=,gid=,mode=])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, fs.mqueue.*...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add a supplementary group (a name from the image\'s /etc/group, or a gid; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name the container has on its user network (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'The container\'s IPv4 or IPv6 address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'The container\'s MAC address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Set a DNS server for the container\'s /etc/resolv.conf (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Set a DNS search domain (repeatable; . for none)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Set a DNS resolver option such as ndots:2 (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a line to /etc/hosts (NAME:IP, NAME:[IPv6] or NAME:host-gateway)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port or a range of ports (PORT[-END][/PROTO])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal to stop the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Ulimit (NAME=SOFT[:HARD])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Maximum number of processes (-1 for unlimited)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Command to run to check health (a shell line, or a JSON list; none disables the image\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between checks (ms|s|m|h, default 30s; disable: only `pontoon healthcheck run`)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Maximum time a check may run (default 30s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Consecutive failures needed to report unhealthy (default 3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Start period in which failures do not count (default 0s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-interval -d 'Time between checks during the start period (default 5s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'Action once the container turns unhealthy: none, kill, restart or stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory plus swap limit (e.g. 256m), -1 for unlimited swap; at least --memory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit (e.g. 32m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swappiness -d 'How readily the container\'s memory is swapped (0 to 100; -1: the host\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l kernel-memory -d 'Deprecated by Docker and the kernel: accepted and ignored, with a warning' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares, a relative weight (default 1024)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'CFS period in microseconds (1000 to 1000000; not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'CFS quota in microseconds per period (not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs the container may run on (e.g. 0-1,3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'Memory nodes the container may use (e.g. 0)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block I/O weight (10 to 1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight-device -d 'Block I/O weight of one device (/dev/sda:200)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-bps -d 'Read rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-bps -d 'Write rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-iops -d 'Read operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-iops -d 'Write operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-score-adj -d 'OOM score adjustment of the container\'s processes (-1000 to 1000; rootless can only raise it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l personality -d 'Execution domain: LINUX, or LINUX32 (uname -m says i686)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l umask -d 'The process\'s umask (default 0022)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Stop the container this many seconds after it starts (0: never)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only, mount a tmpfs on /run, /tmp and /var/tmp (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes, default), tmpfs or ignore' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options (seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=ALL|PATH[:PATH...], systempaths=unconfined)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime to run the container with (crun, runc, youki, or a path)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull the image: missing (default), always, never, or newer (always, but the local image when the registry cannot be reached)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container\'s Id to FILE (which must not exist)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pidfile -d 'Write the container\'s process Id to FILE at each start' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the container\'s monitor\'s process Id to FILE at each start (Podman\'s conmon)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Log driver: k8s-file (default; json-file is the same) or none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Log options: max-size=SIZE, path=FILE (tag=, max-file=, mode= accepted)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l env-merge -d 'Rewrite an image variable: KEY=VALUE where VALUE may use ${KEY}' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv -d 'Remove a variable from the environment (image\'s and defaults too)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation to the OCI spec (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l requires -d 'Start these containers first (comma-separated), at every start' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'systemd notification: conmon (READY=1 once started, the default), ignore; container is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'systemd mode: true and false are accepted (pontoon prepares no systemd mounts); always is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l pod-id-file -d 'Read the pod\'s name or Id from FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Credentials file for the pull' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Verify the registry\'s TLS certificate when pulling (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l disable-content-trust -d 'Docker\'s content trust: accepted, pontoon verifies digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'Give the container a host device (HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l device-cgroup-rule -d 'Allow devices in the device cgroup (\'TYPE MAJOR:MINOR ACCESS\', e.g. \'c 1:3 rwm\')' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background and print the container Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run pontoon\'s init as PID 1 to reap zombies and forward signals'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the root filesystem read-only'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to the container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-kill-disable -d 'Do not let the kernel OOM-kill the container\'s processes (cgroup v1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Remove a container of the same name first'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Pass the host\'s whole environment'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv-all -d 'Keep only the variables given with --env'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hosts -d 'Keep the image\'s /etc/hosts instead of writing one'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'With --rm: remove the image too when the container ends (if no other container uses it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Do not print the pull\'s progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name of the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Container host name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs (PATH[:OPTIONS])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount or volume (SOURCE:TARGET[:ro,z,U...], or TARGET for an anonymous volume)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Mount (type=bind|volume|tmpfs,source=,target=,readonly,...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes of another container (CONTAINER[:ro|rw])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network: bridge, none, host, container:NAME, pasta, slirp4netns, or a network\'s name (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in this pod (by name or Id), or in a new pod with new:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: private, shareable (default), none (no /dev/shm), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace: private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace (hostname): private (default), host or container:NAME' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: host (the default), keep-id[:uid=U,gid=G], nomap or auto[:size=N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'Map container uids to host uids in a user namespace of its own: container_uid:host_uid:amount (repeatable; rootless, host uids are those of your user namespace)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'Map container gids to host gids, as --uidmap (repeatable; defaults to the --uidmap lines)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm (e.g. 16m; default 64m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret (NAME[,type=mount|env,target=,uid=,gid=,mode=])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Set a namespaced kernel parameter (net.*, kernel.shm*, fs.mqueue.*...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add a supplementary group (a name from the image\'s /etc/group, or a gid; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name the container has on its user network (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'The container\'s IPv4 or IPv6 address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'The container\'s MAC address on its network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Set a DNS server for the container\'s /etc/resolv.conf (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Set a DNS search domain (repeatable; . for none)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Set a DNS resolver option such as ndots:2 (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to /etc/hosts (NAME:IP, NAME:[IPv6] or NAME:host-gateway)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port or a range of ports (PORT[-END][/PROTO])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal to stop the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Ulimit (NAME=SOFT[:HARD])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 64m, 1g)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Maximum number of processes (-1 for unlimited)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Command to run to check health (a shell line, or a JSON list; none disables the image\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between checks (ms|s|m|h, default 30s; disable: only `pontoon healthcheck run`)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Maximum time a check may run (default 30s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Consecutive failures needed to report unhealthy (default 3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Start period in which failures do not count (default 0s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-interval -d 'Time between checks during the start period (default 5s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'Action once the container turns unhealthy: none, kill, restart or stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit (e.g. 256m), -1 for unlimited swap; at least --memory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit (e.g. 32m)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'How readily the container\'s memory is swapped (0 to 100; -1: the host\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'Deprecated by Docker and the kernel: accepted and ignored, with a warning' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares, a relative weight (default 1024)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'CFS period in microseconds (1000 to 1000000; not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'CFS quota in microseconds per period (not with --cpus)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs the container may run on (e.g. 0-1,3)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes the container may use (e.g. 0)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block I/O weight (10 to 1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block I/O weight of one device (/dev/sda:200)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Read rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Write rate limit of a device (/dev/sda:1mb)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Read operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Write operations per second limit of a device (/dev/sda:1000)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'OOM score adjustment of the container\'s processes (-1000 to 1000; rootless can only raise it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l personality -d 'Execution domain: LINUX, or LINUX32 (uname -m says i686)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l umask -d 'The process\'s umask (default 0022)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Stop the container this many seconds after it starts (0: never)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only, mount a tmpfs on /run, /tmp and /var/tmp (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l image-volume -d 'What the image\'s VOLUMEs become: bind (anonymous volumes, default), tmpfs or ignore' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options (seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=ALL|PATH[:PATH...], systempaths=unconfined)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime to run the container with (crun, runc, youki, or a path)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull the image: missing (default), always, never, or newer (always, but the local image when the registry cannot be reached)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container\'s Id to FILE (which must not exist)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pidfile -d 'Write the container\'s process Id to FILE at each start' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the container\'s monitor\'s process Id to FILE at each start (Podman\'s conmon)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Log driver: k8s-file (default; json-file is the same) or none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Log options: max-size=SIZE, path=FILE (tag=, max-file=, mode= accepted)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l env-merge -d 'Rewrite an image variable: KEY=VALUE where VALUE may use ${KEY}' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Remove a variable from the environment (image\'s and defaults too)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file of KEY=VALUE lines' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation to the OCI spec (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l requires -d 'Start these containers first (comma-separated), at every start' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'systemd notification: conmon (READY=1 once started, the default), ignore; container is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'systemd mode: true and false are accepted (pontoon prepares no systemd mounts); always is refused' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Read the pod\'s name or Id from FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Credentials file for the pull' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Verify the registry\'s TLS certificate when pulling (default true)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Docker\'s content trust: accepted, pontoon verifies digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'Give the container a host device (HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l device-cgroup-rule -d 'Allow devices in the device cgroup (\'TYPE MAJOR:MINOR ACCESS\', e.g. \'c 1:3 rwm\')' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run pontoon\'s init as PID 1 to reap zombies and forward signals'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the root filesystem read-only'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give extended privileges to the container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Disable any container-specified HEALTHCHECK'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-kill-disable -d 'Do not let the kernel OOM-kill the container\'s processes (cgroup v1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Remove a container of the same name first'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Pass the host\'s whole environment'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Keep only the variables given with --env'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hosts -d 'Keep the image\'s /etc/hosts instead of writing one'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l rmi -d 'With --rm: remove the image too when the container ends (if no other container uses it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Do not print the pull\'s progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Proxy received signals to the process (with --attach)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach stdout/stderr and wait for the exit'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach stdin'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a running container to stop before it is killed (with --force)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Kill and remove running containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove anonymous volumes too'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Remove the containers that depend on these first (they share their namespaces or volumes)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l timeout -d 'Docker\'s name for --time' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s s -l signal -d 'Signal to stop with (default: the container\'s stop signal, else TERM)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l timeout -d 'Docker\'s name for --time' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s s -l signal -d 'Signal to stop with (default: the container\'s stop signal, else TERM)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'With --all or --filter: only the running containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Wait until the container is in this state (Podman\'s: stopped or exited by default, running, paused, created...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'How often to look at the state, e.g. 250ms or 1s (with --condition other than stopped, and --exit-first-match)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l ignore -d 'Do not fail on containers that do not exist (their exit code is -1)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l exit-first-match -d 'Return as soon as one of the containers meets the condition'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show entries since (RFC 3339 time or relative: 10s, 5m, 2h)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show entries before (same forms as --since)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Number of lines from the end ("all" for every line)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the log'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between samples (default 1)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show all containers (default: running only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the screen between samples (each is printed below the last)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print one sample and exit'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s i -l ignore -d 'Do not fail on containers that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Archive mode: keep the owners (uid/gid) of the source'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -s q -l quiet -d 'Print nothing (accepted for Docker compatibility; cp prints no progress)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Output: json (the changed, added and deleted paths as Podman prints them); default: one line per change' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Author (e.g. "Jane Doe <jane@example.com>")' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Commit message recorded in the image history' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause the container while committing (the default; --pause=false to not)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l iidfile -d 'Write the new image\'s Id to FILE' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l no-pause -d 'Do not pause the container while committing'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print nothing but the image Id (pontoon prints nothing else anyway)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'The published ports of every running container, each line after its Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables (KEY=VALUE, or KEY to pass pontoon\'s value)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'User (name|uid[:group|gid])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1) to the process' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the command every capability'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Key sequence to detach' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Forward received signals to the container' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach stdin'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l format -d 'Print the list as json' -r -f -a "json\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -s a -l all -d 'Mount every container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l no-trunc -l notruncate -d 'Do not truncate Ids in the list'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -s f -l force -d 'Accepted for Podman\'s scripts: the mount is undone whatever its count'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from umount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l filter -d 'Act on the containers that match (the filters of ps --filter)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l cidfile -d 'Read a container\'s name or Id from FILE (as written by run --cidfile)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Act on every container the command applies to'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -s l -l latest -d 'Act on the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Accepted for Podman\'s scripts: the mount is undone whatever its count'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the n last created containers' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: status=, name=, id=, label=, ancestor=, exited=, health=, pod=, restart-policy=, stopped-by-user=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default: running only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show container sizes'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l ns -d 'Show the namespaces of each container\'s process (inode numbers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Accepted for Podman\'s scripts: every container in pontoon\'s store is its own, so there is nothing more to show'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Show the POD ID and PODNAME columns'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the n last created containers' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: status=, name=, id=, label=, ancestor=, exited=, health=, pod=, restart-policy=, stopped-by-user=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by command, created, id, image, names, runningfor, size or status' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default: running only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Show only Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest created container'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show container sizes'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l ns -d 'Show the namespaces of each container\'s process (inode numbers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Accepted for Podman\'s scripts: every container in pontoon\'s store is its own, so there is nothing more to show'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Show the POD ID and PODNAME columns'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, e.g. \'{{.Id}}\' or \'{{json .Config}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l type -d 'Only this type of object: container, image, volume, network, pod (or all)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Show container sizes (SizeRw, SizeRootFs)'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l external -d 'Accepted for Podman\'s scripts: pontoon has no containers other tools made'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l authfile -d 'Credentials file for the pull (default: pontoon login\'s)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l policy -d 'When to ask the registry: always, missing (only when the image is not here) or never' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -s q -l quiet -d 'Print only the image Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -s a -l all-tags -d 'Pull every tag of the repository'
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pull" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -s f -l format -d 'Manifest schema to push: oci or v2s2 (Docker); as stored by default' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l authfile -d 'Read registry credentials from this file only' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -s q -l quiet -d 'Show no progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -s a -l all-tags -d 'Push every local tag of the repository IMAGE names (without a tag)'
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand push" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -s u -l username -d 'User name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -s p -l password -d 'Password (visible to other users in the process list; prefer --password-stdin)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l authfile -d 'Save the credentials in this file instead of the default auth.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l get-login -d 'Print the user name saved for the registry (fails when there is none)'
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand login" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l authfile -d 'Remove the credentials from this file instead of the default auth.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand logout" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l limit -d 'Results shown per registry' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -s f -l filter -d 'Show only the results that match: stars=N (at least N), is-official=BOOL, is-automated=BOOL' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l authfile -d 'Credentials file for the registries (default: pontoon login\'s)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l no-trunc -d 'Do not truncate descriptions'
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand search" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -s t -l tag -d 'Name the image (repeatable): NAME[:TAG]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -s f -l file -d 'The Dockerfile (default CONTEXT/Containerfile, else CONTEXT/Dockerfile); - for stdin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l build-arg -d 'A build arg: KEY=VALUE, or KEY to take it from the environment (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l build-arg-file -d 'Read build args from a file of KEY=VALUE (or KEY) lines; --build-arg wins (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l target -d 'Build this stage and what it needs, not the last one' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l label -d 'Set a label on the image (repeatable): KEY=VALUE' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l pull -d 'Pull base images: always (the default of a bare --pull), missing, never, newer' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l platform -d 'The image\'s platform: only this host\'s (linux/amd64 here) can be built' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l network -d 'The network of RUN steps: bridge, none, host, pasta, slirp4netns, or a network\'s name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l layers -d 'Keep an image per step, the build cache (Podman\'s --layers; false: no cache)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l isolation -d 'How RUN steps are isolated: oci (a container) or chroot (no namespaces)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l format -d 'Image format, Podman\'s flag: oci or docker (both keep every config field, HEALTHCHECK included; push --format v2s2 sends Docker\'s manifest)' -r -f -a "oci\t''
docker\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -s q -l quiet -d 'Print only the image id'
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l no-cache -d 'Do not use the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l squash -d 'Squash the layers this build adds into one'
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand build" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -f -a "build" -d 'Build an image from a Dockerfile'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and not __fish_seen_subcommand_from build prune" -f -a "prune" -d 'Remove the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable): NAME[:TAG]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -s f -l file -d 'The Dockerfile (default CONTEXT/Containerfile, else CONTEXT/Dockerfile); - for stdin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg -d 'A build arg: KEY=VALUE, or KEY to take it from the environment (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build args from a file of KEY=VALUE (or KEY) lines; --build-arg wins (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l target -d 'Build this stage and what it needs, not the last one' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image (repeatable): KEY=VALUE' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: always (the default of a bare --pull), missing, never, newer' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l platform -d 'The image\'s platform: only this host\'s (linux/amd64 here) can be built' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: bridge, none, host, pasta, slirp4netns, or a network\'s name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l layers -d 'Keep an image per step, the build cache (Podman\'s --layers; false: no cache)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN steps are isolated: oci (a container) or chroot (no namespaces)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l format -d 'Image format, Podman\'s flag: oci or docker (both keep every config field, HEALTHCHECK included; push --format v2s2 sends Docker\'s manifest)' -r -f -a "oci\t''
docker\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build adds into one'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all of the cache (the cache is always removed whole)'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand builder; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -f -a "build" -d 'Build an image from a Dockerfile'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and not __fish_seen_subcommand_from build prune" -f -a "prune" -d 'Remove the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable): NAME[:TAG]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -s f -l file -d 'The Dockerfile (default CONTEXT/Containerfile, else CONTEXT/Dockerfile); - for stdin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg -d 'A build arg: KEY=VALUE, or KEY to take it from the environment (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build args from a file of KEY=VALUE (or KEY) lines; --build-arg wins (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l target -d 'Build this stage and what it needs, not the last one' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image (repeatable): KEY=VALUE' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: always (the default of a bare --pull), missing, never, newer' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l platform -d 'The image\'s platform: only this host\'s (linux/amd64 here) can be built' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: bridge, none, host, pasta, slirp4netns, or a network\'s name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l layers -d 'Keep an image per step, the build cache (Podman\'s --layers; false: no cache)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN steps are isolated: oci (a container) or chroot (no namespaces)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l format -d 'Image format, Podman\'s flag: oci or docker (both keep every config field, HEALTHCHECK included; push --format v2s2 sends Docker\'s manifest)' -r -f -a "oci\t''
docker\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build adds into one'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all of the cache (the cache is always removed whole)'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand buildx; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -s f -l filter -d 'Filter: dangling=true|false, reference=PATTERN, label=KEY[=VALUE]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l sort -d 'Sort by created (newest first), id, repository (then tag), size (smallest first) or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -s a -l all -d 'Show all images (intermediate ones included)'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -s q -l quiet -d 'Show only image Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l digests -d 'Show manifest digests'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand images" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -s f -l force -d 'Remove an image even when it has several names'
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -s a -l all -d 'Remove every image'
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -s i -l ignore -d 'Do not fail on images that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand tag" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand untag" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -s H -l human -d 'Print sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l format -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l no-trunc -d 'Show full Ids and commands'
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -s q -l quiet -d 'Show only layer Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand history" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -s f -l format -d 'Format the output with a Go template, e.g. \'{{.Id}}\' or \'{{json .Config}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l type -d 'Only this type of object: container, image, volume, network, pod (or all)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -s s -l size -d 'Show container sizes (SizeRw, SizeRootFs)'
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -s m -l message -d 'Commit message recorded in the image history' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -s q -l quiet -d 'Print nothing but the image Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand import" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l format -d 'Archive format: docker-archive (default) or oci-archive' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand save" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -s i -l input -d 'Read from this file instead of standard input' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -s q -l quiet -d 'Do not report each layer as it is loaded'
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand load" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "ls" -d 'List images'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "list" -d 'List images'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "pull" -d 'Download an image from a registry'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "push" -d 'Upload an image to a registry'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "rm" -d 'Remove one or more images'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "tag" -d 'Give an image another name'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "history" -d 'Show the layers an image was built from'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "inspect" -d 'Show low-level information on images'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "import" -d 'Create an image from a root filesystem tarball'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "build" -d 'Build an image from a Dockerfile'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "save" -d 'Write images to an archive'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "load" -d 'Load images from an archive'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "prune" -d 'Remove unused images'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "mount" -d 'Mount an image\'s root filesystem and print where'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "unmount" -d 'Unmount an image mounted with `image mount`'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "umount" -d 'Unmount an image mounted with `image mount`'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "exists" -d 'Exit 0 when an image exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "untag" -d 'Remove names from an image (all of them when none is given)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and not __fish_seen_subcommand_from ls list pull push rm tag history inspect import build save load prune mount unmount umount exists untag search" -f -a "search" -d 'Search a registry for repositories'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: dangling=true|false, reference=PATTERN, label=KEY[=VALUE]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created (newest first), id, repository (then tag), size (smallest first) or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (intermediate ones included)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only image Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show manifest digests'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: dangling=true|false, reference=PATTERN, label=KEY[=VALUE]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created (newest first), id, repository (then tag), size (smallest first) or tag' -r -f -a "created\t''
id\t''
repository\t''
size\t''
tag\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (intermediate ones included)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Show only image Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show manifest digests'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Credentials file for the pull (default: pontoon login\'s)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l policy -d 'When to ask the registry: always, missing (only when the image is not here) or never' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull every tag of the repository'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest schema to push: oci or v2s2 (Docker); as stored by default' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Read registry credentials from this file only' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Show no progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -s a -l all-tags -d 'Push every local tag of the repository IMAGE names (without a tag)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove an image even when it has several names'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every image'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail on images that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Print sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l format -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Show full Ids and commands'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Show only layer Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, e.g. \'{{.Id}}\' or \'{{json .Config}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l type -d 'Only this type of object: container, image, volume, network, pod (or all)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Act on the latest created container (instead of naming it)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Show container sizes (SizeRw, SizeRootFs)'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Commit message recorded in the image history' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l platform -d 'The image\'s platform, os/arch[/variant] (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'The image\'s architecture, e.g. amd64 or arm64 (default: this machine\'s)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'The image\'s OS (default: linux)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'The image\'s architecture variant, e.g. v7 or v8' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but the image Id'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable): NAME[:TAG]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Dockerfile (default CONTEXT/Containerfile, else CONTEXT/Dockerfile); - for stdin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'A build arg: KEY=VALUE, or KEY to take it from the environment (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build args from a file of KEY=VALUE (or KEY) lines; --build-arg wins (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build this stage and what it needs, not the last one' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image (repeatable): KEY=VALUE' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: always (the default of a bare --pull), missing, never, newer' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'The image\'s platform: only this host\'s (linux/amd64 here) can be built' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'The network of RUN steps: bridge, none, host, pasta, slirp4netns, or a network\'s name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Keep an image per step, the build cache (Podman\'s --layers; false: no cache)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l isolation -d 'How RUN steps are isolated: oci (a container) or chroot (no namespaces)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Image format, Podman\'s flag: oci or docker (both keep every config field, HEALTHCHECK included; push --format v2s2 sends Docker\'s manifest)' -r -f -a "oci\t''
docker\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers this build adds into one'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format: docker-archive (default) or oci-archive' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read from this file instead of standard input' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Do not report each layer as it is loaded'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not just dangling ones'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from umount" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l external -d 'Accepted for Podman\'s scripts: pontoon has no containers other tools made'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l limit -d 'Results shown per registry' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -s f -l filter -d 'Show only the results that match: stars=N (at least N), is-official=BOOL, is-automated=BOOL' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l authfile -d 'Credentials file for the registries (default: pontoon login\'s)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l creds -d 'Credentials for the registry, USER:PASSWORD (instead of the saved ones)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l no-trunc -d 'Do not truncate descriptions'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand image; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -s f -l format -d 'Format the output with a Go template or `json`' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand info" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l since -d 'Show events from this time on (RFC 3339, Unix seconds, or a duration such as 10m); without it the stream starts now' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l until -d 'Show events until this time (same forms as --since); a future time ends the stream then' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -s f -l filter -d 'Show only matching events: container=, image=, event= (status=), type=, label=, pod=, volume=, network=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l format -d 'Format each event: json, or a Go template ({{.Status}}, {{.Type}}, {{.ID}}, {{.Name}}, {{.Time}}, {{json .}})' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l stream -d 'Keep printing new events (--stream=false prints what is there and exits)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l no-trunc -d 'Show full Ids (they always are; accepted for Podman\'s scripts)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l no-stream -d 'Print what is there and exit (Docker\'s spelling of --stream=false)'
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand events" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -s f -l format -d 'Format the output with a Go template or `json`' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand version" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "info" -d 'Show system-wide information'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "doctor" -d 'Check what containers need from this host'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "events" -d 'Show what containers, images, volumes, networks and pods went through'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "df" -d 'Show disk usage of images, containers and volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "prune" -d 'Remove stopped containers, dangling images (and with --volumes, unused anonymous volumes)'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and not __fish_seen_subcommand_from info doctor events df prune migrate" -f -a "migrate" -d 'Let the next command make a new rootless user namespace (after /etc/subuid changes)'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Format the output with a Go template or `json`' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from doctor" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show events from this time on (RFC 3339, Unix seconds, or a duration such as 10m); without it the stream starts now' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Show events until this time (same forms as --since); a future time ends the stream then' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'Show only matching events: container=, image=, event= (status=), type=, label=, pod=, volume=, network=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Format each event: json, or a Go template ({{.Status}}, {{.Type}}, {{.ID}}, {{.Name}}, {{.Time}}, {{json .}})' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Keep printing new events (--stream=false prints what is there and exits)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Show full Ids (they always are; accepted for Podman\'s scripts)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l no-stream -d 'Print what is there and exit (Docker\'s spelling of --stream=false)'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Output: table, json, or a Go template over Type, TotalCount (Podman: Total), Active, Size, Reclaimable' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Show each image, container and volume'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove every image no container uses, not only dangling ones'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Remove unused anonymous volumes too'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "create" -d 'Create a volume'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "ls" -d 'List volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "list" -d 'List volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "inspect" -d 'Show volumes as JSON or through a template'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "rm" -d 'Remove volumes (never one a container uses)'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "remove" -d 'Remove volumes (never one a container uses)'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "prune" -d 'Remove unused volumes (anonymous ones unless --all)'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "exists" -d 'Exit 0 when a volume exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "export" -d 'Write a volume\'s content to a tar archive (stdout unless -o)'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists export import" -f -a "import" -d 'Unpack a tar archive (a file or - for stdin) into a volume'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver (only "local")' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver options: type=none, o=bind, device=/host/dir' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l uid -d 'The volume directory\'s owner (a user id as containers see it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l gid -d 'The volume directory\'s group (a group id as containers see it)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'No error when the volume exists already (its name is printed)'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name= (a regular expression), label=, dangling=true|false, driver=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only names'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name= (a regular expression), label=, dangling=true|false, driver=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Show only names'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, e.g. \'{{.Mountpoint}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Show every volume'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Accepted for Podman\'s scripts: pontoon never stops containers to remove a volume' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Do not fail on volumes that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every volume no container uses'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s t -l time -d 'Accepted for Podman\'s scripts: pontoon never stops containers to remove a volume' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Do not fail on volumes that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every volume no container uses'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Filter: label=KEY[=VALUE]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove every unused volume, named ones too'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "create" -d 'Create a network (a bridge with its own subnet; containers on it resolve each other by name)'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "ls" -d 'List networks'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "list" -d 'List networks'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "inspect" -d 'Show networks as JSON or through a template'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "rm" -d 'Remove networks (never one a container uses, unless -f removes those containers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "remove" -d 'Remove networks (never one a container uses, unless -f removes those containers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "prune" -d 'Remove every network no container uses'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "connect" -d 'Connect a container to a network'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and not __fish_seen_subcommand_from create ls list inspect rm remove prune exists connect disconnect" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver (only "bridge")' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR form, e.g. 10.90.0.0/24 (one IPv4 and one IPv6 at most)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'Gateway of the subnet that holds it (default: the subnet\'s first address)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Allocate container addresses from this part of the subnet' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver options: mtu=N' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l interface-name -d 'The bridge\'s name (default: the next free pontoonN)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No outbound access: containers reach only each other'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv6 -d 'Give containers IPv6 addresses too'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'Do not resolve container names on this network'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'No error when the network exists already (its Id is printed)'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=, id=, driver=, label=KEY[=VALUE], type=custom|builtin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only network Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Show full network Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name=, id=, driver=, label=KEY[=VALUE], type=custom|builtin' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Show only network Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show full network Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, e.g. \'{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers that use the network first; no error for a missing network'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove the containers that use the network first; no error for a missing network'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Filter: label=KEY[=VALUE]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name the container answers to on this network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'A fixed IPv4 or IPv6 address on this network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'A fixed MAC address on this network' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'No error when the network is gone or the container is not on it'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "create" -d 'Create a manifest list, with images in it when given'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "add" -d 'Add an image (or every image of an index, with --all) to a manifest list'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "annotate" -d 'Set an entry\'s platform or annotations'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "remove" -d 'Remove an entry (by digest) from a manifest list'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "rm" -d 'Remove manifest lists (their images stay)'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "inspect" -d 'Show a manifest list, or an image\'s manifest on a registry'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "push" -d 'Push a manifest list (and its images) to a registry'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove rm inspect push exists" -f -a "exists" -d 'Exit 0 when a manifest list exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l all -d 'Add every image of an index given, not only this platform\'s'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -s a -l amend -d 'Add to the list when it exists already'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l arch -d 'Architecture (amd64, arm64...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os -d 'Operating system' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l variant -d 'Architecture variant (v7, v8...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l annotation -d 'Set an annotation (KEY=VALUE; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os-version -d 'The OS version the image needs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l features -d 'CPU features the image needs (repeatable, or comma-separated)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l all -d 'With an index: add every image it lists'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l arch -d 'Architecture (amd64, arm64...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os -d 'Operating system' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l variant -d 'Architecture variant (v7, v8...)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l annotation -d 'Set an annotation (KEY=VALUE; repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-version -d 'The OS version the image needs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l features -d 'CPU features the image needs (repeatable, or comma-separated)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-features -d 'OS features the image needs (repeatable, or comma-separated)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'No error for lists that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l all -d 'Push the list\'s images too (the default; --all=false sends the list only)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -s f -l format -d 'The list\'s type: oci (image index) or v2s2 (Docker manifest list)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l authfile -d 'Read registry credentials from this file only' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the list\'s digest to this file' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l rm -d 'Remove the local list once it is pushed'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Show no progress'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand manifest; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "create" -d 'Create a secret from a file, stdin (-) or an environment variable (--env)'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "ls" -d 'List secrets'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "list" -d 'List secrets'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "inspect" -d 'Show secrets\' metadata (never their data) as JSON, a template or --pretty'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "rm" -d 'Remove secrets (containers created with one keep their copy)'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "remove" -d 'Remove secrets (containers created with one keep their copy)'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and not __fish_seen_subcommand_from create ls list inspect rm remove exists" -f -a "exists" -d 'Exit 0 when a secret exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver: file (the only one)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Driver options (KEY=VALUE), kept with the secret' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the data from the environment variable SOURCE'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l replace -d 'Give an existing secret of that name the new data'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -s i -l ignore -d 'No error when a secret of that name exists already (its Id is printed, its data kept)'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, or a Go template ({{.ID}}, {{.Name}}, {{.Driver}}, {{.CreatedAt}}, {{.UpdatedAt}})' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=REGEX, id=PREFIX (repeatable; all must match)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print Ids only'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l format -d 'Output: table, json, or a Go template ({{.ID}}, {{.Name}}, {{.Driver}}, {{.CreatedAt}}, {{.UpdatedAt}})' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name=REGEX, id=PREFIX (repeatable; all must match)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print Ids only'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template applied to each secret' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Show each secret as lines of text rather than JSON'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l showsecret -d 'Show the secrets\' data too (SecretData)'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every secret'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Say nothing about secrets that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove every secret'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'Say nothing about secrets that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand secret; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "create" -d 'Create a pod (and its infra container)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "ps" -d 'List pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "ls" -d 'List pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "inspect" -d 'Show low-level information on pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "start" -d 'Start pods (the infra container first)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "stop" -d 'Stop pods (the infra container last)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "restart" -d 'Restart pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "kill" -d 'Send a signal to the containers of pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "pause" -d 'Pause the containers of pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "unpause" -d 'Unpause the containers of pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "rm" -d 'Remove pods and their containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "top" -d 'Show the processes of a pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "stats" -d 'Show the resource usage of pods\' containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls inspect start stop restart kill pause unpause rm prune top stats logs exists" -f -a "exists" -d 'Exit 0 when the pod exists, 1 when it does not'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'Name of the pod (default: a generated one)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod (HOST:CONTAINER[/PROTO])' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the containers share: net, ipc, uts, pid, none (default ipc,net,uts; +pid adds)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'The pod\'s host name (default: its name)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label (KEY=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'The pod\'s network: bridge, none, host, pasta, slirp4netns or a network\'s name' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Make an infra container that holds the shared namespaces' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add a host to /etc/hosts (NAME:IP)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'Set a nameserver' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'Set a DNS search domain' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'Set a resolver option' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file of KEY=VALUE lines (# comments)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod\'s Id to this file (it must not exist)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -s v -l volume -d 'Mount a volume in every container of the pod (as run\'s -v)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l sysctl -d 'Set a namespaced kernel parameter for the pod (net.*, kernel.shm*, ...: NAME=VALUE)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy of the pod\'s containers that give none: no, always, unless-stopped, on-failure[:N]' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'When the last container but the infra one exits: continue (the pod keeps running) or stop' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'The infra container\'s name (default: the pod\'s short Id and -infra)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'Remove a pod of the same name first (with its containers)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: name=, label=, status=, id=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l sort -d 'Sort the pods by created (newest first, the default), id, name, number (of containers) or status' -r -f -a "created\t''
id\t''
name\t''
number\t''
status\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Show only Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Show the Ids of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Show the status of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=, label=, status=, id=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l sort -d 'Sort the pods by created (newest first, the default), id, name, number (of containers) or status' -r -f -a "created\t''
id\t''
name\t''
number\t''
status\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-ids -d 'Show the Ids of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-status -d 'Show the status of each pod\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Leave out the column names'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output: json (default) or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'Show the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Do not fail for pods (or --pod-id-file files) that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s i -l ignore -d 'Do not fail for pods (or --pod-id-file files) that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait before killing, with --force' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l pod-id-file -d 'Act on the pod whose Id this file holds (repeatable)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop and remove running pods'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail for pods (or --pod-id-file files) that do not exist'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Act on every pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s l -l latest -d 'Act on the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -s l -l latest -d 'Show the latest created pod\'s processes'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l format -d 'Output: table, json, `table TEMPLATE` or a Go template' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show every pod (default: those named)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -s l -l latest -d 'Show the latest created pod'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print one sample and exit'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate Ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only this container of the pod' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Show entries since (RFC 3339 time or relative: 10s, 5m, 2h)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Show entries before (same forms as --since)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Number of lines from the end of each container\'s log ("all" for every line)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the logs'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l names -d 'Start each line with its container\'s name (rather than its short Id)'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Show the latest created pod\'s logs'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -s f -l file -d 'Compose configuration files, merged in order (default: compose.yaml and compose.override.yaml found here or in a parent directory)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -s p -l project-name -d 'Project name (default: COMPOSE_PROJECT_NAME, the file\'s `name:`, or the directory\'s name)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l project-directory -d 'Directory that relative paths start from (default: the first file\'s)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l env-file -d 'Variables for interpolation, instead of the project directory\'s .env' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l profile -d 'Enable services of this profile (also COMPOSE_PROFILES)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "config" -d 'Print the resolved, normalised Compose model'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "convert" -d 'Print the resolved, normalised Compose model'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "version" -d 'Show the Compose version'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "up" -d 'Create and start the project\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "down" -d 'Stop and remove the project\'s containers and networks'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "ps" -d 'List the project\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "logs" -d 'Show the output of the project\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "build" -d 'Build the services\' images'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "pull" -d 'Pull the services\' images'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "start" -d 'Start the services\' existing containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "stop" -d 'Stop the services\' containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "restart" -d 'Restart the services\' containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "kill" -d 'Kill the services\' containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "rm" -d 'Remove the services\' stopped containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "exec" -d 'Run a command in a service\'s running container'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "images" -d 'List the images the project\'s containers use'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "port" -d 'Print the host port a service\'s container port is published on'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "run" -d 'Run a one-off command in a new container of a service'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "top" -d 'Show the processes of the project\'s containers'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and not __fish_seen_subcommand_from config convert version up down ps logs build pull start stop restart kill rm exec images port run top push" -f -a "push" -d 'Push the services\' images'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l hash -d 'Print each named service\'s configuration hash ("*" for all)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l format -d 'Output format' -r -f -a "yaml\t''
json\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -s o -l output -d 'Write the model to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l services -d 'Print the service names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l volumes -d 'Print the volume names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l profiles -d 'Print the profile names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l images -d 'Print the images of the services, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Only validate: print nothing, fail on an invalid model'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l hash -d 'Print each named service\'s configuration hash ("*" for all)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l format -d 'Output format' -r -f -a "yaml\t''
json\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -s o -l output -d 'Write the model to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l services -d 'Print the service names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l volumes -d 'Print the volume names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l profiles -d 'Print the profile names, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l images -d 'Print the images of the services, one per line'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -s q -l quiet -d 'Only validate: print nothing, fail on an invalid model'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -s f -l format -d '`json` for a JSON object' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l short -d 'Print only the version number'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l exit-code-from -d 'Exit with this service\'s code (implies --abort-on-container-exit)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l pull -d 'Pull images: always, missing (default), never' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -s t -l timeout -d 'Seconds to wait for stopping containers' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -s d -l detach -d 'Run in the background'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l build -d 'Build images before starting'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-build -d 'Never build, even a missing image'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l force-recreate -d 'Recreate containers even if nothing changed'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-recreate -d 'Keep existing containers even if they changed'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l remove-orphans -d 'Remove containers of services not in the files'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-deps -d 'Start only the services named, not their dependencies'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-start -d 'Create the containers but start none'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l wait -d 'Wait until the services run (and are healthy if they have a check), then return'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l abort-on-container-exit -d 'Stop every container when one exits (attached only)'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l quiet-pull -d 'Pull without progress output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l rmi -d 'Remove images: local (those built without a custom name) or all' -r -f -a "local\t''
all\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -s t -l timeout -d 'Seconds to wait for stopping containers' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -s v -l volumes -d 'Remove named volumes declared in the files and anonymous volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l remove-orphans -d 'Remove containers of services not in the files'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l format -d 'table (default), json, or a Go template such as \'{{.Name}} {{.Status}}\'' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show stopped containers too'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Only the container ids'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l services -d 'Only the service names'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Lines from the end of each log' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l no-log-prefix -d 'Do not prefix lines with the container\'s name'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l no-color -d 'Do not colour the prefixes'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use the build cache'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -s t -l timeout -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -s t -l timeout -d 'Seconds to wait before killing' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal to send' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -s f -l force -d 'Do not ask for confirmation'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -s s -l stop -d 'Stop running containers first'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove their anonymous volumes too'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set an environment variable (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s u -l user -d 'Run as this user' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l index -d 'Which replica (1 by default)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s T -l no-TTY -d 'No pseudo-terminal (the default when stdin is not a terminal)'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run in the background'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from images" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l protocol -d 'tcp or udp' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l index -d 'Which replica (1 by default)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable (repeatable)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l name -d 'Name the container' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s u -l user -d 'Run as this user' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background and print the container\'s name'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l no-deps -d 'Do not start the services it depends on'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s T -l no-TTY -d 'No pseudo-terminal (the default when stdin is not a terminal)'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l service-ports -d 'Publish the service\'s ports (not published by default)'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand compose; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -f -a "play" -d 'Create pods, containers and volumes from a Kubernetes YAML file'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -f -a "down" -d 'Remove the pods a Kubernetes YAML file made (volumes stay)'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and not __fish_seen_subcommand_from play down generate" -f -a "generate" -d 'Write a Kubernetes manifest of pods, containers or volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l build -d 'Build images from a directory named like the image next to the file (=false: never)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l configmap -d 'A file of ConfigMaps for the pods\' environment and volumes (repeatable, or comma-separated)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l start -d 'Start the pods (=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l network -d 'The pods\' network (as run\'s --network)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l publish -d 'Publish a port of the pods ([IP:]HOST:CONTAINER[/PROTO]), over the file\'s hostPort for that containerPort' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l replace -d 'Remove the file\'s pods first when they exist, then play it'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l down -d 'Remove the file\'s pods instead (as kube down)'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from play" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -s t -l time -d 'Seconds to wait for the containers to stop before killing them (default: each one\'s stop timeout)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s t -l type -d 'The kind to write' -r -f -a "pod\t''
deployment\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s f -l filename -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s s -l service -d 'Add a Service for the pod\'s host ports'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand kube; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and not __fish_seen_subcommand_from kube" -f -a "kube" -d 'Create pods, containers and volumes from a Kubernetes YAML file'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l build -d 'Build images from a directory named like the image next to the file (=false: never)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l configmap -d 'A file of ConfigMaps for the pods\' environment and volumes (repeatable, or comma-separated)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l start -d 'Start the pods (=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l network -d 'The pods\' network (as run\'s --network)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l publish -d 'Publish a port of the pods ([IP:]HOST:CONTAINER[/PROTO]), over the file\'s hostPort for that containerPort' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l replace -d 'Remove the file\'s pods first when they exist, then play it'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l down -d 'Remove the file\'s pods instead (as kube down)'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand play; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and not __fish_seen_subcommand_from kube" -f -a "kube" -d 'Write a Kubernetes manifest of pods, containers or volumes'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s t -l type -d 'The kind to write' -r -f -a "pod\t''
deployment\t''"
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s f -l filename -d 'Write to this file instead of standard output' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s s -l service -d 'Add a Service for the pod\'s host ports'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand generate; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and not __fish_seen_subcommand_from run" -f -a "run" -d 'Run a container\'s healthcheck now: exit 0 when it passes, 1 when it fails'
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Storage root for images, layers and containers' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory (pids, sockets, locks)' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at this level and above: trace, debug, info, warn, error, fatal, panic' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (pontoon\'s log in the store), journald (written to the file too), none' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used' -r
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l config -d 'Docker\'s client configuration directory: credentials are read from and written to DIR/config.json' -r -F
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c pontoon -n "__fish_pontoon_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'

# Names of containers, images, volumes, networks, pods and secrets where the
# command takes one, from `pontoon __complete` (it exits 1 elsewhere, and
# the completions above answer).
function __fish_pontoon_names_wanted
    set -l words (commandline -opc) (commandline -ct)
    set -g __fish_pontoon_names ($words[1] __complete -- $words[2..-1] 2>/dev/null)
end
complete -c pontoon -f -n __fish_pontoon_names_wanted -a '$__fish_pontoon_names'
