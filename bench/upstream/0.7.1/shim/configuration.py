# Our own stand-in for the `configuration` module that the PyPI release of lightspeed-stack 0.7.1 lacks, written
# from its import sites in the wheel (`configuration`, `AppConfig`, `LogicError`, `AzureEntraIdConfiguration`, the
# attributes read on them) and models/config.py. What each attribute returns follows the upstream repository's
# src/configuration.py of 2026-08-21 (the newest source we have); the code is ours.
"""The service configuration, loaded once at start-up and shared by all modules."""

from typing import Any, Callable, Optional

import yaml
from ogx.core.stack import replace_env_vars

import constants
from cache.cache_factory import CacheFactory
from models.config import AzureEntraIdConfiguration, Configuration  # noqa: F401 (re-exported)
from quota.quota_limiter_factory import QuotaLimiterFactory
from quota.token_usage_history import TokenUsageHistory


class LogicError(Exception):
    """The configuration was used before it was loaded."""


def _section(*path: str) -> property:
    """A read-only attribute: the part of the loaded configuration found by following path."""

    def read(self: "AppConfig") -> Any:
        value: Any = self.configuration
        for name in path:
            value = getattr(value, name)
        return value

    return property(read)


def _stores(field: str) -> Callable[["AppConfig"], dict[str, Any]]:
    """A mapping from each BYOK RAG store's vector store id to one of its fields."""

    def read(self: "AppConfig") -> dict[str, Any]:
        return {store.vector_db_id: getattr(store, field) for store in self.configuration.rag.byok.stores}

    return read


class AppConfig:  # pylint: disable=too-many-public-methods
    """Holder of the loaded configuration; one instance, created below, shared by every module."""

    def __init__(self) -> None:
        """Start without a configuration; load_configuration() or init_from_dict() gives one."""
        self._configuration: Optional[Configuration] = None
        self._conversation_cache: Any = None
        self._quota_limiters: list[Any] = []
        self._token_usage_history: Optional[TokenUsageHistory] = None
        self._dynamic_mcp_server_names: set[str] = set()

    def load_configuration(self, filename: str) -> None:
        """Read a YAML file, resolving ${env.NAME} references as OGX does."""
        with open(filename, encoding="utf-8") as f:
            self.init_from_dict(replace_env_vars(yaml.safe_load(f)))

    def init_from_dict(self, config_dict: dict[Any, Any]) -> None:
        """Validate a configuration and make it current; objects built from the previous one are dropped."""
        self._conversation_cache = None
        self._quota_limiters = []
        self._token_usage_history = None
        self._configuration = Configuration(**config_dict)

    @property
    def configuration(self) -> Configuration:
        """The whole configuration."""
        if self._configuration is None:
            raise LogicError("logic error: configuration is not loaded")
        return self._configuration

    service_configuration = _section("service")
    ogx_configuration = _section("ogx")
    user_data_collection_configuration = _section("user_data_collection")
    authentication_configuration = _section("authentication")
    customization = _section("customization")
    rlsapi_v1 = _section("rlsapi_v1")
    inference = _section("inference")
    compaction = _section("compaction")
    conversation_cache_configuration = _section("conversation_cache")
    database_configuration = _section("database")
    quota_handlers_configuration = _section("quota_handlers")
    a2a_state = _section("a2a_state")
    azure_entra_id = _section("azure_entra_id")
    splunk = _section("splunk")
    deployment_environment = _section("deployment_environment")
    rag = _section("rag")
    approvals_configuration = _section("approvals")
    okp = _section("rag", "okp")
    reranker = _section("rag", "retrieval", "inline", "reranker")
    skills = _section("skills")
    shields = _section("shields")
    score_multiplier_mapping = property(_stores("score_multiplier"))
    relevance_cutoff_mapping = property(_stores("relevance_cutoff_score"))

    @property
    def authorization_configuration(self) -> Any:
        """The authorization section; without one, that of a service nobody configured (no access rules)."""
        from models.config import AuthorizationConfiguration  # pylint: disable=import-outside-toplevel

        return self.configuration.authorization or AuthorizationConfiguration()

    @property
    def mcp_servers(self) -> list[Any]:
        """The MCP servers: configured ones and those registered at run time."""
        return self.configuration.mcp_servers

    @property
    def dynamic_mcp_server_names(self) -> set[str]:
        """Names of the MCP servers registered at run time."""
        return set(self._dynamic_mcp_server_names)

    def add_mcp_server(self, mcp_server: Any) -> None:
        """Register an MCP server at run time; its name must be new."""
        if any(s.name == mcp_server.name for s in self.mcp_servers):
            raise ValueError(f"MCP server '{mcp_server.name}' already exists")
        self.configuration.mcp_servers.append(mcp_server)
        self._dynamic_mcp_server_names.add(mcp_server.name)

    def remove_mcp_server(self, name: str) -> None:
        """Remove an MCP server registered at run time (configured ones stay)."""
        if name not in self._dynamic_mcp_server_names:
            raise ValueError(f"MCP server '{name}' was not registered at run time")
        self.configuration.mcp_servers[:] = [s for s in self.mcp_servers if s.name != name]
        self._dynamic_mcp_server_names.discard(name)

    def is_dynamic_mcp_server(self, name: str) -> bool:
        """Whether the named MCP server was registered at run time."""
        return name in self._dynamic_mcp_server_names

    @property
    def conversation_cache(self) -> Any:
        """The conversation cache, created on first use."""
        if self._conversation_cache is None:
            self._conversation_cache = CacheFactory.conversation_cache(self.configuration.conversation_cache)
        return self._conversation_cache

    @property
    def quota_limiters(self) -> list[Any]:
        """The quota limiters, created on first use."""
        if not self._quota_limiters:
            self._quota_limiters = QuotaLimiterFactory.quota_limiters(self.configuration.quota_handlers)
        return self._quota_limiters

    @property
    def token_usage_history(self) -> Optional[TokenUsageHistory]:
        """The token usage history when the quota handlers keep one, else None."""
        handlers = self.configuration.quota_handlers
        if self._token_usage_history is None and handlers.enable_token_history:
            self._token_usage_history = TokenUsageHistory(handlers)
        return self._token_usage_history

    def _okp_enabled(self, *lists: str) -> bool:
        retrieval = self.configuration.rag.retrieval
        return any(constants.OKP_RAG_ID in (getattr(retrieval, name).sources or []) for name in lists)

    @property
    def rag_id_mapping(self) -> dict[str, str]:
        """Vector store id → the rag_id users know it by: BYOK stores, and OKP's Solr store when enabled."""
        mapping = _stores("rag_id")(self)
        if self._okp_enabled("inline", "tool"):
            mapping[constants.SOLR_DEFAULT_VECTOR_STORE_ID] = constants.OKP_RAG_ID
        return mapping

    @property
    def inline_solr_enabled(self) -> bool:
        """Whether OKP is an inline RAG source."""
        return self._okp_enabled("inline")

    def resolve_index_name(self, vector_store_id: str, rag_id_mapping: Optional[dict[str, str]] = None) -> str:
        """The rag_id of a vector store, or its id when it has none."""
        mapping = self.rag_id_mapping if rag_id_mapping is None else rag_id_mapping
        return mapping.get(vector_store_id, vector_store_id)


configuration: AppConfig = AppConfig()
