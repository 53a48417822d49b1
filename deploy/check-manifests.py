"""What the Kubernetes API schema cannot check in the manifests under deploy/kubernetes (make validate-manifests runs
this after kubernetes-validate has checked every field and type):

- references: a workload's selector matches its pod labels; each Service, PodDisruptionBudget and NetworkPolicy
  selects a workload's pods, and the named ports it uses are theirs; an HPA scales a workload of the set; each volume
  mount names a volume of its pod, each ConfigMap volume a ConfigMap of the set;
- the lightspeed-stack container: non-root, read-only root filesystem, no privilege escalation, every capability
  dropped, probes on /liveness and /readiness, memory requested and limited, a writable /tmp, and a memory limit that
  holds the heap bound of scripts/jvm-options plus the rest of the process as measured (docs/deployment.md);
- its configuration: the lightspeed-stack.yaml it is started with, read by the service jar (-d runs every check of
  the configuration loader) in the environment the container gets, with stand-ins for the values of Secrets. An
  unknown key, which the service only warns about, is a problem here.

usage: python3 deploy/check-manifests.py JAVA JAR DIRECTORY...   (from the repository root; needs PyYAML)
"""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

# Measured: the process takes 115-131 MiB beyond a full heap (metaspace, the AOT cache, code, threads)
NON_HEAP = 160 * 2**20
UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def quantity(text):
    number, unit = re.fullmatch(r"(\d+)([KMG]i?)?", str(text)).groups()
    return int(number) * UNITS[unit or ""]


def heap_percentage():
    options = pathlib.Path("scripts/jvm-options").read_text()
    return float(re.search(r"-XX:MaxRAMPercentage=([\d.]+)", options).group(1))


def pod_labels(workload):
    return workload["spec"]["template"]["metadata"].get("labels", {})


def selects(selector, labels):
    return all(labels.get(key) == value for key, value in selector.items())


def check_security(where, pod, container):
    context = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
    for key, wanted in (("runAsNonRoot", True), ("readOnlyRootFilesystem", True), ("allowPrivilegeEscalation", False)):
        if context.get(key) is not wanted:
            problem(where, f"securityContext.{key} is not {str(wanted).lower()}")
    if "ALL" not in context.get("capabilities", {}).get("drop", []):
        problem(where, "not every capability is dropped")


def check_resources(where, container):
    resources = container.get("resources", {})
    limit = resources.get("limits", {}).get("memory")
    if limit is None or "memory" not in resources.get("requests", {}):
        problem(where, "memory is not both requested and limited")
        return
    heap = quantity(limit) * heap_percentage() / 100
    if heap + NON_HEAP > quantity(limit):
        problem(where, f"a memory limit of {limit} leaves no room for a {heap / 2**20:.0f} MiB heap "
                       f"({heap_percentage():g}% of it, scripts/jvm-options) and the {NON_HEAP // 2**20} MiB "
                       "the rest of the process takes: the container would be killed once the heap has grown")


def environment(container):
    env = {"PATH": os.environ["PATH"]}
    for variable in container.get("env", []):
        source = variable.get("valueFrom", {})
        reference = source.get("secretKeyRef") or source.get("configMapKeyRef")
        if "value" in variable:
            env[variable["name"]] = variable["value"]
        elif reference and not reference.get("optional"):
            env[variable["name"]] = f"stand-in-for-{reference['name']}-{reference['key']}"
    return env


def check_configuration(where, container, volumes, configmaps, java, jar):
    args = container.get("args", [])
    if args[:1] != ["-c"] or len(args) != 2:
        problem(where, "not started with -c CONFIGURATION")
        return
    path = pathlib.PurePosixPath(args[1])
    mount = next((m for m in container.get("volumeMounts", []) if pathlib.PurePosixPath(m["mountPath"]) == path.parent),
                 None)
    configmap = configmaps.get(volumes.get(mount["name"], {}).get("configMap", {}).get("name")) if mount else None
    text = (configmap or {}).get("data", {}).get(path.name)
    if text is None:
        problem(where, f"{path} is in no ConfigMap of the set")
        return
    with tempfile.TemporaryDirectory() as directory:
        config = pathlib.Path(directory, path.name)
        config.write_text(text)
        result = subprocess.run([java, "-jar", jar, "-c", str(config), "-d"], cwd=directory, env=environment(container),
                                capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "Unknown configuration keys" in output:
        problem(where, f"{path} fails the service's configuration checks (exit {result.returncode}): {output[-600:]}")


def check_lightspeed_stack(where, pod, container, volumes, configmaps, java, jar):
    check_security(where, pod, container)
    for probe, path in (("livenessProbe", "/liveness"), ("readinessProbe", "/readiness")):
        if path not in str(container.get(probe, {})):
            problem(where, f"no {probe} on {path}")
    if not any(m["mountPath"] == "/tmp" and not m.get("readOnly") for m in container.get("volumeMounts", [])):
        problem(where, "no writable volume at /tmp, the only place the service writes")
    check_resources(where, container)
    # the default 30 s would kill a replica whose answers and requests are still finishing
    if pod.get("terminationGracePeriodSeconds", 30) < 60:
        problem(where, "terminationGracePeriodSeconds below 60: a stop may cut answers being streamed")
    check_configuration(where, container, volumes, configmaps, java, jar)


def check_workload(where, workload, configmaps, java, jar):
    if not selects(workload["spec"]["selector"]["matchLabels"], pod_labels(workload)):
        problem(where, "the selector does not match the pod's labels")
    pod = workload["spec"]["template"]["spec"]
    volumes = {volume["name"]: volume for volume in pod.get("volumes", [])}
    volumes.update({claim["metadata"]["name"]: claim for claim in workload["spec"].get("volumeClaimTemplates", [])})
    for volume in volumes.values():
        if "configMap" in volume and volume["configMap"]["name"] not in configmaps:
            problem(where, f"volume {volume['name']}: no ConfigMap {volume['configMap']['name']} in the set")
    for container in pod["containers"]:
        for mount in container.get("volumeMounts", []):
            if mount["name"] not in volumes:
                problem(f"{where}/{container['name']}", f"mounts {mount['name']}, which is no volume of the pod")
        if "/lightspeed-stack:" in container["image"]:
            check_lightspeed_stack(f"{where}/{container['name']}", pod, container, volumes, configmaps, java, jar)


def check_selectors(directory, objects, workloads):
    for document in objects:
        kind, spec = document["kind"], document.get("spec", {})
        selector = {"Service": spec.get("selector"), "PodDisruptionBudget": spec.get("selector", {}).get("matchLabels"),
                    "NetworkPolicy": spec.get("podSelector", {}).get("matchLabels")}.get(kind)
        if selector is None:
            continue
        where = f"{directory.name}/{kind}/{document['metadata']['name']}"
        pods = [w["spec"]["template"]["spec"] for w in workloads if selects(selector, pod_labels(w))]
        if not pods:
            problem(where, "selects no pods of the set")
        ports = {p["name"] for pod in pods for c in pod["containers"] for p in c.get("ports", []) if "name" in p}
        used = [p.get("targetPort") for p in spec.get("ports", [])]
        used += [p.get("port") for rule in spec.get("ingress", []) for p in rule.get("ports", [])]
        for port in used:
            if isinstance(port, str) and port not in ports:
                problem(where, f"port {port} is no named port of its pods")


def check_directory(directory, java, jar):
    objects = [document for file in sorted(directory.glob("*.yaml"))
               for document in yaml.safe_load_all(file.read_text()) if document]
    named = {(document["kind"], document["metadata"]["name"]): document for document in objects}
    configmaps = {name: document for (kind, name), document in named.items() if kind == "ConfigMap"}
    workloads = [document for document in objects if document["kind"] in ("Deployment", "StatefulSet")]
    for workload in workloads:
        check_workload(f"{directory.name}/{workload['kind']}/{workload['metadata']['name']}", workload, configmaps,
                       java, jar)
    check_selectors(directory, objects, workloads)
    for document in objects:
        if document["kind"] == "HorizontalPodAutoscaler":
            target = document["spec"]["scaleTargetRef"]
            if (target["kind"], target["name"]) not in named:
                problem(f"{directory.name}/HorizontalPodAutoscaler/{document['metadata']['name']}",
                        f"scales {target['kind']} {target['name']}, which is not in the set")
    return len(objects)


def main(java, jar, *directories):
    jar = os.path.abspath(jar)
    counted = sum(check_directory(pathlib.Path(directory), java, jar) for directory in directories)
    for line in problems:
        print(f"check-manifests: {line}", file=sys.stderr)
    print(f"check-manifests: {counted} objects in {len(directories)} directories, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
