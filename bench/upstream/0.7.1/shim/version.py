# Our own stand-in for the `version` module that the PyPI release of lightspeed-stack 0.7.1 lacks (imported by
# app/main.py and app/endpoints/info.py for GET /v1/info and the OpenAPI document).
"""Service version."""

__version__ = "0.7.1"
