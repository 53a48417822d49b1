# Our own stand-in for the `log` module that the PyPI release of lightspeed-stack 0.2.0 lacks,
# written from its import sites in the wheel (`from log import get_logger, logging`) and the behaviour spec.
"""Loggers of the service modules (rich console output)."""

import logging

from rich.logging import RichHandler


def get_logger(name: str) -> logging.Logger:
    """Return the named logger, logging everything from DEBUG up to the console.

    DEBUG because the spec (§11.7) says SQL echo is effectively always on, and app/database.py turns it on
    exactly when its get_logger() logger is enabled for DEBUG.
    """
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    if not logger.handlers:
        logger.addHandler(RichHandler())
    logger.propagate = False
    return logger
