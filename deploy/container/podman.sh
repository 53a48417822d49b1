# deploy/container/podman.sh (sourced): podman as this project's machines can run it.
#
# Debian 12's podman 4.3 runs containers here only with two settings, found by trial (docs/deployment.md):
# - runc, not the default crun: crun 1.8 refuses this kernel's hybrid cgroup layout (v1 controllers plus a v2
#   hierarchy that holds hugetlb) with "cgroups in hybrid mode not supported, drop all controllers from cgroupv2";
#   runc 1.1 runs in it and applies --memory through the v1 memory controller, which the JVM reads.
# - rlimits no higher than podman's own: podman asks the runtime for nofile and nproc 1048576, but the sandbox caps
#   open files at its hard limit and refuses to raise it, and podman lowers its own nproc to 32768 as it starts, so
#   setting either in the container fails with "setrlimit RLIMIT_NOFILE/RLIMIT_NPROC: Operation not permitted".
#   --ulimit host does not help in 4.3 (it still sets them); the values below are ones the runtime may set.
# LCS_PODMAN_RUNTIME overrides the runtime (crun on a machine with a pure cgroup v2 layout).

lcs_nofile="$(ulimit -Hn)"
lcs_nproc="$(ulimit -Hu)"
[ "$lcs_nofile" != unlimited ] && [ "$lcs_nofile" -le 1048576 ] || lcs_nofile=1048576
[ "$lcs_nproc" != unlimited ] && [ "$lcs_nproc" -le 32768 ] || lcs_nproc=32768
# podman with the runtime; use it for every command
LCS_PODMAN=(podman --runtime "${LCS_PODMAN_RUNTIME:-runc}")
# for `podman build` (RUN steps) and `podman run`
LCS_PODMAN_LIMITS=(--ulimit "nofile=$lcs_nofile:$lcs_nofile" --ulimit "nproc=$lcs_nproc:$lcs_nproc")
unset lcs_nofile lcs_nproc

