# Our own stand-in for `client.ogx`, which the PyPI release of lightspeed-stack 0.7.1 lacks, written from its
# import sites in the wheel (`AsyncOgxClientHolder().load/get_client/update_azure_token/get_azure_base_url/
# check_model_available`, `read_provider_data(client)`) and the ogx-client 1.2.5 constructor. Server mode only:
# the benchmark runs LCS in front of an OGX server (`ogx.use_as_library_client: false`); library mode, which would
# run OGX inside LCS, is refused at start-up.
"""The OGX client, created once at start-up and shared by all requests."""

import json
from typing import Any, Optional

from ogx_client import ApiException, AsyncOgxClient

from authorization.azure_token_manager import AzureEntraIDManager
from log import get_logger
from models.config import OgxConfiguration
from utils.model_list import parse_model_list_response
from utils.types import Singleton

logger = get_logger(__name__)

_PROVIDER_DATA = "X-OGX-Provider-Data"


def read_provider_data(client: AsyncOgxClient) -> dict[str, Any]:
    """The provider data the client sends with every request (its X-OGX-Provider-Data header), {} for none."""
    raw = client.api_client.default_headers.get(_PROVIDER_DATA)
    try:
        data = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class AsyncOgxClientHolder(metaclass=Singleton):
    """Holds the one OGX client of the process."""

    _client: Optional[AsyncOgxClient] = None

    async def load(self, config: OgxConfiguration) -> None:
        """Create the HTTP client of the configured OGX server (once)."""
        if self._client is not None:
            return
        if config.use_as_library_client:
            raise NotImplementedError("the benchmark's stand-in client module supports OGX server mode only")
        api_key = config.api_key.get_secret_value() if config.api_key else None
        logger.info("Using OGX at %s, requests time out after %d s", config.url, config.timeout)
        # ogx-client joins the base URL and a path by concatenation, and pydantic's AnyHttpUrl ends a bare host
        # with a slash: without stripping it every call would go to //v1/...
        base_url = str(config.url).rstrip("/")
        self._client = AsyncOgxClient(base_url=base_url, api_key=api_key, timeout=config.timeout)

    def get_client(self) -> AsyncOgxClient:
        """The client; load() must have run."""
        if self._client is None:
            raise RuntimeError("AsyncOgxClient has not been initialised. Ensure 'load(..)' has been called.")
        return self._client

    async def update_azure_token(self) -> AsyncOgxClient:
        """The client, sending the current Azure Entra ID credentials as provider data when they are configured."""
        updates = AzureEntraIDManager().build_azure_provider_data()
        client = self.get_client()
        if not updates:
            return client
        provider_data = {**read_provider_data(client), **updates}
        client.api_client.set_default_header(_PROVIDER_DATA, json.dumps(provider_data))
        return client

    async def get_azure_base_url(self) -> Optional[str]:
        """The base_url of OGX's remote::azure inference provider, if it has one."""
        if self._client is None:
            return None
        try:
            providers = await self._client.providers.list()
        except ApiException as err:
            logger.warning("Failed to list providers for Azure base_url: %s", err)
            return None
        for provider in getattr(providers, "data", providers) or []:
            base = (provider.config or {}).get("base_url") if provider.provider_type == "remote::azure" else None
            if base is not None:
                return str(base)
        return None

    async def check_model_available(self, model_id: str) -> tuple[bool, str]:
        """Whether OGX lists the model, with the reason (the readiness probe's)."""
        try:
            models = parse_model_list_response(await self.get_client().models.list())
        except RuntimeError as err:
            return False, f"Client not initialized: {err!s}"
        except ApiException as err:
            logger.error("Error checking model availability: %s", err)
            return False, f"Error checking model availability: {err!s}"
        if any(m.identifier == model_id for m in models):
            return True, f"Model {model_id} is available"
        return False, f"Model {model_id} not found in model registry"
