# lightspeed-stack, library mode: which Llama Stack this Python has, as "<module> <version>" on one line.
# The package metadata is enough: importing llama_stack itself would load the whole library client.
import importlib.metadata as metadata
import sys

for distribution, module in (("ogx", "ogx"), ("llama-stack", "llama_stack")):
    try:
        print(module, metadata.version(distribution))
        break
    except metadata.PackageNotFoundError:
        pass
else:
    print("neither ogx nor llama-stack is installed for " + sys.executable, file=sys.stderr)
    sys.exit(3)
