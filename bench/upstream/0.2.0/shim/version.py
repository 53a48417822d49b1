# Our own stand-in for the `version` module that the PyPI release of lightspeed-stack 0.2.0 lacks,
# written from its import sites in the wheel (app/main.py, app/endpoints/info.py) and the behaviour spec (§9.3).
"""Service version, reported by GET /v1/info and in the OpenAPI document."""

__version__ = "0.2.0"
