# Our own stand-in for the `lightspeed_stack` module (console script `lightspeed-stack = lightspeed_stack:main`)
# that the PyPI release of lightspeed-stack 0.2.0 lacks, written from the wheel (runners/uvicorn.py,
# utils/llama_stack_version.py, models/config.py) and the behaviour spec (§13).
"""Command line entry point: load the configuration, check Llama Stack, start the REST API service."""

import asyncio
from argparse import ArgumentParser

from client import AsyncLlamaStackClientHolder
from configuration import configuration
from log import get_logger
from runners.uvicorn import start_uvicorn
from utils.llama_stack_version import check_llama_stack_version

logger = get_logger(__name__)


def create_argument_parser() -> ArgumentParser:
    """Command line options (§13.1)."""
    parser = ArgumentParser(prog="lightspeed-stack", description="Lightspeed Core Stack")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="make it verbose (has no effect)"
    )
    parser.add_argument(
        "-d",
        "--dump-configuration",
        action="store_true",
        help="dump the effective configuration into configuration.json and exit",
    )
    parser.add_argument(
        "-c",
        "--config",
        dest="config_file",
        default="lightspeed-stack.yaml",
        help="path to the configuration file (default: lightspeed-stack.yaml)",
    )
    return parser


async def connect_to_llama_stack() -> None:
    """Create the shared Llama Stack client and check the server's version (§6.8)."""
    holder = AsyncLlamaStackClientHolder()
    await holder.load(configuration.llama_stack_configuration)
    await check_llama_stack_version(holder.get_client())


def main() -> None:
    """Start-up sequence of §13.2; any failure propagates (traceback, non-zero exit status)."""
    args = create_argument_parser().parse_args()

    configuration.load_configuration(args.config_file)
    logger.info("Configuration: %s", configuration.configuration)

    asyncio.run(connect_to_llama_stack())

    if args.dump_configuration:
        configuration.configuration.dump()
        return

    start_uvicorn(configuration.service_configuration)


if __name__ == "__main__":
    main()
