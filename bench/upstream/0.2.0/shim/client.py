# Our own stand-in for the `client` module that the PyPI release of lightspeed-stack 0.2.0 lacks,
# written from its import sites in the wheel (`AsyncLlamaStackClientHolder().get_client()`) and the
# behaviour spec (§6.1).
"""The Llama Stack client, created once at start-up and shared by all requests."""

from typing import Optional

from llama_stack import AsyncLlamaStackAsLibraryClient
from llama_stack_client import AsyncLlamaStackClient

from models.config import LlamaStackConfiguration


class AsyncLlamaStackClientHolder:
    """Gives every instance the one client created by load()."""

    _client: Optional[AsyncLlamaStackClient] = None

    async def load(self, llama_stack_config: LlamaStackConfiguration) -> None:
        """Create the client: in-process library client or HTTP client of the Llama Stack server."""
        if llama_stack_config.use_as_library_client:
            library_client = AsyncLlamaStackAsLibraryClient(
                llama_stack_config.library_client_config_path
            )
            await library_client.initialize()
            AsyncLlamaStackClientHolder._client = library_client
        else:
            # api_key None: the client falls back to LLAMA_STACK_CLIENT_API_KEY
            AsyncLlamaStackClientHolder._client = AsyncLlamaStackClient(
                base_url=llama_stack_config.url, api_key=llama_stack_config.api_key
            )

    def get_client(self) -> AsyncLlamaStackClient:
        """Return the client; load() must have been called."""
        if self._client is None:
            raise RuntimeError("Llama Stack client is not initialised: call load() first")
        return self._client
