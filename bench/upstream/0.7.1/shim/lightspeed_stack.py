# Our own stand-in for the `lightspeed_stack` module (console script `lightspeed-stack = lightspeed_stack:main`)
# that the PyPI release of lightspeed-stack 0.7.1 lacks, written from the wheel (app/main.py reads the configuration
# file named by LIGHTSPEED_STACK_CONFIG_PATH and checks the OGX version in its lifespan; runners/) and the start-up
# order of the upstream repository's src/lightspeed_stack.py of 2026-08-21. Only what a service start needs:
# -c CONFIG, -v; the dump and migration options of upstream are left out.
"""Command line entry point: load the configuration and start the REST API service."""

import os
from argparse import ArgumentParser

from configuration import configuration
from log import get_logger
from runners.quota_scheduler import start_quota_scheduler
from runners.uvicorn import start_uvicorn

logger = get_logger(__name__)


def main() -> None:
    """Load the configuration, start the quota scheduler and serve (uvicorn runs app.main:app)."""
    parser = ArgumentParser(prog="lightspeed-stack", description="Lightspeed Core Stack")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    parser.add_argument(
        "-c", "--config", dest="config_file", default="lightspeed-stack.yaml", help="configuration file"
    )
    args = parser.parse_args()
    if args.verbose:
        os.environ["LIGHTSPEED_STACK_LOG_LEVEL"] = "DEBUG"
    configuration.load_configuration(args.config_file)
    logger.info("Configuration: %s", configuration.configuration)
    # app.main's lifespan (in every uvicorn worker) loads the configuration again from this file
    os.environ["LIGHTSPEED_STACK_CONFIG_PATH"] = args.config_file
    start_quota_scheduler(configuration.configuration)
    start_uvicorn(configuration.service_configuration)


if __name__ == "__main__":
    main()
