# Our own stand-in for the `transcripts` package that the PyPI release of lightspeed-stack 0.7.1 lacks.
"""Transcripts of the questions and answers."""
