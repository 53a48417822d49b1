# Our own stand-in for the `log` module that the PyPI release of lightspeed-stack 0.7.1 lacks, written from its
# import sites in the wheel (`get_logger` everywhere; `build_logging_config` and `resolve_log_level` in
# runners/uvicorn.py). The level comes from LIGHTSPEED_STACK_LOG_LEVEL (default INFO), as upstream.
"""Loggers of the service modules: plain lines on stderr."""

import logging
import os
from typing import Any

_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


def resolve_log_level() -> int:
    """The level named by LIGHTSPEED_STACK_LOG_LEVEL, INFO when unset or unknown."""
    level = logging.getLevelName(os.environ.get("LIGHTSPEED_STACK_LOG_LEVEL", "INFO").upper())
    return level if isinstance(level, int) else logging.INFO


def build_logging_config() -> dict[str, Any]:
    """The logging.config dictionary uvicorn applies: one stderr handler for the root and uvicorn's loggers."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": _FORMAT}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "root": {"handlers": ["stderr"], "level": resolve_log_level()},
        "loggers": {name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error", "uvicorn.access")},
    }


def get_logger(name: str) -> logging.Logger:
    """The named logger at the configured level; until uvicorn configures logging, the root gets a stderr handler."""
    if not logging.getLogger().handlers:
        logging.basicConfig(format=_FORMAT)
    logger = logging.getLogger(name)
    logger.setLevel(resolve_log_level())
    return logger
