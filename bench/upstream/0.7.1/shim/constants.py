# Our own stand-in for the `constants` module that the PyPI release of lightspeed-stack 0.7.1 lacks. It defines
# exactly the names the wheel uses (its `constants.X` and `from constants import X` sites), with the values these
# names have in the upstream repository's src/constants.py of 2026-08-21 (commit cd1a0484, the newest source we
# have; 0.7.1 was released on 2026-10-14), except the supported OGX range, which that source names after Llama Stack.
"""Constants shared by the service modules."""

# Supported OGX (Llama Stack) versions, inclusive. The 2026-08 source accepts 0.2.17-1.0.2 (under the names
# MINIMAL/MAXIMAL_SUPPORTED_LLAMA_STACK_VERSION); 0.7.1 pins ogx 1.2.5. The benchmark's fake reports OGX 1.5.0,
# the generation of e2e/captures/ogx-1.5.0 and the newest the Java service is tested with, so the upper bound is
# 1.5.0 here.
MINIMAL_SUPPORTED_OGX_VERSION = "0.2.17"
MAXIMAL_SUPPORTED_OGX_VERSION = "1.5.0"

UNABLE_TO_PROCESS_RESPONSE = "Unable to process this request"
INTERRUPTED_RESPONSE_MESSAGE = "Response stopped by the user."
TOPIC_SUMMARY_INTERRUPT_TIMEOUT_SECONDS = 30.0
ATTACHMENT_TYPES = frozenset(
    {
        "alert",
        "api object",
        "configuration",
        "error message",
        "event",
        "image",
        "log",
        "stack trace",
    }
)
ATTACHMENT_CONTENT_TYPES = frozenset(
    {
        "text/plain",
        "application/json",
        "application/yaml",
        "application/xml",
        "image/jpeg",
        "image/png",
    }
)
IMAGE_CONTENT_TYPES = frozenset({"image/jpeg", "image/png"})
DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant"
DEFAULT_TOPIC_SUMMARY_SYSTEM_PROMPT = """
Instructions:
- You are a topic summarizer
- Your job is to extract precise topic summary from user input
- Return only the final topic summary, no other text or explanation.

For Input Analysis:
- Scan entire user message
- Identify core subject matter
- Distill essence into concise descriptor
- Prioritize key concepts
- Eliminate extraneous details

For Output Constraints:
- Maximum 5 words
- Capitalize only significant words (e.g., nouns, verbs, adjectives, adverbs).
- Do **NOT** use all uppercase - capitalize only the first letter of significant words
- Exclude articles and prepositions (e.g., "a," "the," "of," "on," "in")
- Exclude all punctuation and interpunction marks (e.g., . , : ; ! ? | "")
- Retain original abbreviations. Do not expand an abbreviation if its specific meaning in the
  context is unknown or ambiguous.
- Neutral objective language
- Do **NOT** provide explanations, reasoning, or "processing steps".
- Do **NOT** provide multiple options (e.g., do not use "or").
- Do **NOT** use introductory text like "The topic is...".


Examples:
- "AI Capabilities Summary" (Correct)
- "Machine Learning Applications" (Correct)
- "AI CAPABILITIES SUMMARY" (Incorrect—should not be fully uppercase)

Processing Steps
1. Analyze semantic structure
2. Identify primary topic
3. Remove contextual noise
4. Condense to essential meaning
5. Generate topic label


Example Input:
How to implement horizontal pod autoscaling in Kubernetes clusters
Example Output:
Kubernetes Horizontal Pod Autoscaling

Example Input:
Comparing OpenShift deployment strategies for microservices architecture
Example Output:
OpenShift Microservices Deployment Strategies

Example Input:
Troubleshooting persistent volume claims in Kubernetes environments
Example Output:
Kubernetes Persistent Volume Troubleshooting

Example Input:
I need a summary about the purpose of RHDH.
Example Output:
RHDH Purpose Summary

Input:
{query}
Output:
"""
DEFAULT_VIRTUAL_PATH = "/ls-access"
DEFAULT_USER_NAME = "lightspeed-user"
DEFAULT_SKIP_USER_ID_CHECK = True
DEFAULT_USER_UID = "00000000-0000-0000-0000-000"
NO_USER_TOKEN = ""
AUTH_MOD_K8S = "k8s"
AUTH_MOD_NOOP = "noop"
AUTH_MOD_NOOP_WITH_TOKEN = "noop-with-token"
AUTH_MOD_APIKEY_TOKEN = "api-key-token"
AUTH_MOD_JWK_TOKEN = "jwk-token"
AUTH_MOD_RH_IDENTITY = "rh-identity"
AUTH_MOD_TRUSTED_PROXY = "trusted-proxy"
SUPPORTED_AUTHENTICATION_MODULES = frozenset(
    {
        AUTH_MOD_K8S,
        AUTH_MOD_NOOP,
        AUTH_MOD_NOOP_WITH_TOKEN,
        AUTH_MOD_JWK_TOKEN,
        AUTH_MOD_APIKEY_TOKEN,
        AUTH_MOD_RH_IDENTITY,
        AUTH_MOD_TRUSTED_PROXY,
    }
)
DEFAULT_AUTHENTICATION_MODULE = AUTH_MOD_NOOP
DEFAULT_RH_IDENTITY_MAX_HEADER_SIZE = 8192
DEFAULT_MAX_FILE_UPLOAD_SIZE = 100 * 1024 * 1024
DEFAULT_JWT_UID_CLAIM = "user_id"
DEFAULT_JWT_USER_NAME_CLAIM = "username"
MCP_AUTH_KUBERNETES = "kubernetes"
MCP_AUTH_CLIENT = "client"
MCP_AUTH_OAUTH = "oauth"
MEDIA_TYPE_JSON = "application/json"
MEDIA_TYPE_TEXT = "text/plain"
MEDIA_TYPE_EVENT_STREAM = "text/event-stream"
LLM_TOKEN_EVENT = "token"
LLM_TOOL_CALL_EVENT = "tool_call"
LLM_TOOL_RESULT_EVENT = "tool_result"
LLM_TURN_COMPLETE_EVENT = "turn_complete"
POSTGRES_DEFAULT_SSL_MODE = "prefer"
POSTGRES_DEFAULT_GSS_ENCMODE = "prefer"
CACHE_TYPE_MEMORY = "memory"
CACHE_TYPE_SQLITE = "sqlite"
CACHE_TYPE_POSTGRES = "postgres"
CACHE_TYPE_NOOP = "noop"
SUPPORTED_RAG_BACKENDS = frozenset({"faiss", "pgvector"})
DEFAULT_RAG_BACKEND = "faiss"
DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-mpnet-base-v2"
DEFAULT_EMBEDDING_DIMENSION = 768
DEFAULT_CROSS_ENCODER_MODEL = "cross-encoder/ms-marco-MiniLM-L6-v2"
USER_QUOTA_LIMITER = "user_limiter"
CLUSTER_QUOTA_LIMITER = "cluster_limiter"
DEFAULT_INLINE_RAG_MAX_CHUNKS = 10
DEFAULT_TOOL_RAG_MAX_CHUNKS = 10
DEFAULT_BYOK_RAG_MAX_CHUNKS = 10
DEFAULT_OKP_RAG_MAX_CHUNKS = 5
DEFAULT_RAG_TOOL = "file_search"
BYOK_RAG_RERANK_BOOST = 1.2
DEFAULT_BYOK_RAG_RELEVANCE_CUTOFF_SCORE = 0.3
SOLR_VECTOR_SEARCH_DEFAULT_K = 5
SOLR_VECTOR_SEARCH_DEFAULT_SCORE_THRESHOLD = 0.3
SOLR_VECTOR_SEARCH_DEFAULT_MODE = "hybrid"
SOLR_SEARCH_MODE_MAP = {"lexical": "keyword"}
RH_SERVER_OKP_DEFAULT_URL = "http://localhost:8081"
SOLR_DEFAULT_VECTOR_STORE_ID = "portal-rag"
DEFAULT_SCORE_MULTIPLIER = 1.0
OKP_RAG_ID = "okp"
OTEL_ANONYMIZATION_SECRET_ENV_VAR = "OTEL_ANONYMIZATION_SECRET"
DEFAULT_MODEL_PROMPT = """
Instructions:
- You are a question classifying tool
- You are an expert in kubernetes and openshift
- Your job is to determine where or a user's question is related to kubernetes and/or openshift technologies and to provide a one-word response.
- If a question appears to be related to kubernetes or openshift technologies, answer with the word ${allowed}, otherwise answer with the word ${rejected}.
- Do not explain your answer, just provide the one-word response. Do not give any other response.
- If the given question is an empty string, answer with the word ${rejected}


Example Question:
Why is the sky blue?
Example Response:
${rejected}

Example Question:
Why is the grass green?
Example Response:
${rejected}

Example Question:
Why is sand yellow?
Example Response:
${rejected}

Example Question:
Can you help configure my cluster to automatically scale?
Example Response:
${allowed}

Question:
${message}
Response:
"""
DEFAULT_INVALID_QUESTION_RESPONSE = """
Hi, I'm the OpenShift Lightspeed assistant, I can help you with questions about OpenShift, 
please ask me a question related to OpenShift.
"""
SUBSTITUTED_INSTRUCTIONS_PLACEHOLDER = "<server prompt applied>"
ENDPOINT_PATH_INFER = "/v1/infer"
ENDPOINT_PATH_QUERY = "/v1/query"
ENDPOINT_PATH_STREAMING_QUERY = "/v1/streaming_query"
ENDPOINT_PATH_RESPONSES = "/v1/responses"
RLSAPI_V1_QUESTION_MAX_LENGTH = 32_768
RESPONSES_REQUEST_MAX_SIZE = 65_536
SENTRY_DSN_ENV_VAR = "SENTRY_DSN"
SENTRY_ENVIRONMENT_ENV_VAR = "SENTRY_ENVIRONMENT"
SENTRY_DEFAULT_ENVIRONMENT = "development"
SENTRY_DEFAULT_TRACES_SAMPLE_RATE = 0.25
SENTRY_EXCLUDED_ROUTES = (
    "/readiness",
    "/liveness",
    "/metrics",
    "/",
)
SENTRY_CA_CERTS_ENV_VAR = "SENTRY_CA_CERTS"
DEFAULT_MAX_RETRIES = 5
DEFAULT_RETRY_DELAY = 2
SAVED_PROMPTS_DEFAULT_MAX_PER_USER = 50
SAVED_PROMPTS_MAX_PER_USER_UPPER_BOUND = 200
SAVED_PROMPTS_DEFAULT_MAX_DISPLAY_NAME_LENGTH = 255
SAVED_PROMPTS_MAX_DISPLAY_NAME_LENGTH_UPPER_BOUND = 255
SAVED_PROMPTS_DEFAULT_MAX_CONTENT_LENGTH = 10_000
SAVED_PROMPTS_MAX_CONTENT_LENGTH_UPPER_BOUND = 30_000
OBFUSCATION_REJECTION_MESSAGE = (
    "Your input contains characters or encoding patterns that cannot be "
    "processed. Please rephrase your question in plain text."
)
