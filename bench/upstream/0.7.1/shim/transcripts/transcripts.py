# Our own stand-in for `transcripts.transcripts`, which the PyPI release of lightspeed-stack 0.7.1 lacks. The wheel
# calls these three functions only when user_data_collection.transcripts_enabled is true (utils/query.py); the
# benchmark runs with transcripts off, so they refuse, loudly, rather than write something unlike upstream's files.
"""Transcripts of the questions and answers (not written by this stand-in)."""

from typing import Any

_REFUSAL = (
    "transcripts are not supported by the benchmark's stand-in for the missing `transcripts` module: "
    "set user_data_collection.transcripts_enabled to false"
)


def create_transcript_metadata(**_: Any) -> Any:
    """Refuse: see the module comment."""
    raise NotImplementedError(_REFUSAL)


def create_transcript(**_: Any) -> Any:
    """Refuse: see the module comment."""
    raise NotImplementedError(_REFUSAL)


def store_transcript(_: Any) -> None:
    """Refuse: see the module comment."""
    raise NotImplementedError(_REFUSAL)
