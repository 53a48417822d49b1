# PyYAML's two functions library mode's launch.py uses, with JSON (a YAML subset) for the tests' run configurations.
import json


def safe_load(text):
    return json.loads(text)


def safe_dump(data, stream, sort_keys=True):
    json.dump(data, stream, sort_keys=sort_keys)
