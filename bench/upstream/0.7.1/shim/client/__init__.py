# Our own stand-in for the `client` package that the PyPI release of lightspeed-stack 0.7.1 lacks (see ogx.py).
"""Clients of the services LCS calls."""
