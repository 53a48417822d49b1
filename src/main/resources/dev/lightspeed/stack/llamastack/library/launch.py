# lightspeed-stack, library mode: runs a Llama Stack or OGX server for the service that started this process.
#
# argv: STOP_SECONDS PORT MODULE ARG... ; "{config}" among the ARGs stands for the run configuration's path.
# stdin: "<length>\n", then the run configuration (YAML, <length> bytes), then nothing until the service goes away:
# the end of stdin, which comes also when the service was killed outright, stops the server (SIGTERM, then SIGKILL
# after STOP_SECONDS).
#
# The configuration comes through stdin, not as a path, so that a command prefix that changes the file system
# (a chroot, a container) needs no path of the service's; it is written with PyYAML, as Llama Stack reads it, to a
# private temporary file with its `server` section replaced: library mode has no server of its own, so this one
# listens on loopback only, on the service's port, without TLS, authentication or quotas.
import atexit
import os
import runpy
import signal
import sys
import tempfile
import threading
import time

import yaml


# stdin is read with os.read, without sys.stdin's buffer: a daemon thread blocked in a buffered read makes the
# interpreter abort at exit ("could not acquire lock for <stdin>")
def read_exactly(length):
    data = b""
    while len(data) < length:
        chunk = os.read(0, length - len(data))
        if not chunk:
            sys.exit("lightspeed-stack: the run configuration ended early")
        data += chunk
    return data


def read_length():
    digits = b""
    while not digits.endswith(b"\n"):
        digits += read_exactly(1)
    return int(digits)


def stop_when_the_service_is_gone(stop_seconds):
    while os.read(0, 65536):
        pass
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(stop_seconds)
    os.kill(os.getpid(), signal.SIGKILL)


def remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def main():
    stop_seconds, port, module, args = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
    try:
        # a session of its own: a terminal's Ctrl-C goes to the service, which then stops this server in order
        os.setsid()
    except OSError:
        pass
    config = yaml.safe_load(read_exactly(read_length()))
    if not isinstance(config, dict):
        sys.exit("lightspeed-stack: the run configuration is not a YAML mapping")
    config["server"] = {"host": "127.0.0.1", "port": port}
    descriptor, path = tempfile.mkstemp(prefix="lightspeed-stack-run-", suffix=".yaml")
    atexit.register(remove, path)
    with os.fdopen(descriptor, "w") as file:
        yaml.safe_dump(config, file, sort_keys=False)
    threading.Thread(target=stop_when_the_service_is_gone, args=(stop_seconds,), daemon=True).start()
    sys.argv = [module] + [path if arg == "{config}" else arg for arg in args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


main()
