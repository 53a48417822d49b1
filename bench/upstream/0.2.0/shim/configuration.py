# Our own stand-in for the `configuration` module that the PyPI release of lightspeed-stack 0.2.0 lacks,
# written from its import sites in the wheel (`configuration` object, `AppConfig` type, the attributes used
# on them), models/config.py and the behaviour spec (§11).
"""The service configuration, loaded once at start-up and shared by all modules."""

from typing import Any, Optional

import yaml
from llama_stack.core.stack import replace_env_vars

from models.config import (
    AuthenticationConfiguration,
    Configuration,
    Customization,
    DatabaseConfiguration,
    InferenceConfiguration,
    LlamaStackConfiguration,
    ModelContextProtocolServer,
    ServiceConfiguration,
    UserDataCollection,
)


class AppConfig:
    """Holder of the loaded configuration with accessors for its sections."""

    def __init__(self) -> None:
        """Start without any configuration; see load_configuration()."""
        self._configuration: Optional[Configuration] = None

    def load_configuration(self, filename: str) -> None:
        """Load a YAML file, substituting ${env.NAME} references the way Llama Stack does (§11.1, §11.2)."""
        with open(filename, encoding="utf-8") as f:
            config_dict = yaml.safe_load(f)
        self.init_from_dict(replace_env_vars(config_dict))

    def init_from_dict(self, config_dict: dict[str, Any]) -> None:
        """Validate a configuration dictionary and make it the current configuration."""
        self._configuration = Configuration(**config_dict)

    @property
    def configuration(self) -> Configuration:
        """The whole configuration."""
        if self._configuration is None:
            raise RuntimeError("configuration is not loaded")
        return self._configuration

    @property
    def service_configuration(self) -> ServiceConfiguration:
        """The `service` section."""
        return self.configuration.service

    @property
    def llama_stack_configuration(self) -> LlamaStackConfiguration:
        """The `llama_stack` section."""
        return self.configuration.llama_stack

    @property
    def user_data_collection_configuration(self) -> UserDataCollection:
        """The `user_data_collection` section."""
        return self.configuration.user_data_collection

    @property
    def database_configuration(self) -> DatabaseConfiguration:
        """The `database` section."""
        return self.configuration.database

    @property
    def mcp_servers(self) -> list[ModelContextProtocolServer]:
        """The `mcp_servers` list."""
        return self.configuration.mcp_servers

    @property
    def authentication_configuration(self) -> AuthenticationConfiguration:
        """The `authentication` section."""
        return self.configuration.authentication

    @property
    def customization(self) -> Optional[Customization]:
        """The optional `customization` section."""
        return self.configuration.customization

    @property
    def inference(self) -> InferenceConfiguration:
        """The `inference` section."""
        return self.configuration.inference


configuration = AppConfig()
