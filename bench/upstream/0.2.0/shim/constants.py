# Our own stand-in for the `constants` module that the PyPI release of lightspeed-stack 0.2.0 lacks,
# written from its import sites in the wheel and the behaviour spec lcs-behavior-0.2.0.md (section in brackets).
"""Constants shared by the service modules."""

# Supported Llama Stack versions, inclusive [§6.8]. 0.2.0 itself accepts exactly 0.2.17; the benchmark runs
# it against Llama Stack 0.2.22, like the Java service, so the upper bound is 0.2.22 here (the value 0.3.0 uses).
MINIMAL_SUPPORTED_LLAMA_STACK_VERSION = "0.2.17"
MAXIMAL_SUPPORTED_LLAMA_STACK_VERSION = "0.2.22"

# Answer of every 400/422 raised while processing a query [§5.2]
UNABLE_TO_PROCESS_RESPONSE = "Unable to process this request"

# Accepted attachments [§5.5]
ATTACHMENT_TYPES = frozenset(
    {"alert", "api object", "configuration", "error message", "event", "log", "stack trace"}
)
ATTACHMENT_CONTENT_TYPES = frozenset(
    {"text/plain", "application/json", "application/yaml", "application/xml"}
)

# System prompt used when neither the request nor the customization gives one [§5.4]
DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant"

# Authentication modules [§3, §11.11]
AUTH_MOD_NOOP = "noop"
AUTH_MOD_NOOP_WITH_TOKEN = "noop-with-token"
AUTH_MOD_K8S = "k8s"
AUTH_MOD_JWK_TOKEN = "jwk-token"
# a tuple, so that the "Supported modules: ..." validation message lists them in this order
SUPPORTED_AUTHENTICATION_MODULES = (
    AUTH_MOD_NOOP,
    AUTH_MOD_NOOP_WITH_TOKEN,
    AUTH_MOD_K8S,
    AUTH_MOD_JWK_TOKEN,
)
DEFAULT_AUTHENTICATION_MODULE = AUTH_MOD_NOOP

# Identity returned by the noop modules [§3.2, §3.3]; the default uid is deliberately not a valid UUID [§14.24]
DEFAULT_USER_NAME = "lightspeed-user"
DEFAULT_USER_UID = "00000000-0000-0000-0000-000"
NO_USER_TOKEN = ""

# Non-resource path checked by the k8s SubjectAccessReview [§3.4]
DEFAULT_VIRTUAL_PATH = "/ls-access"

# Default claims of the jwk-token module [§3.5]
DEFAULT_JWT_UID_CLAIM = "user_id"
DEFAULT_JWT_USER_NAME_CLAIM = "username"

# PostgreSQL connection defaults [§11.7]
POSTGRES_DEFAULT_SSL_MODE = "prefer"
POSTGRES_DEFAULT_GSS_ENCMODE = "prefer"
