"""The one settings object. Built once in `bot.__main__`; tests pass keyword arguments instead.

Public contract (keep these names): SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN,
SLACK_API_URL,
REDIS_URL, UNDERTONE_SUPERVISOR_CHANNEL. Everything else is prefixed UNDERTONE_. Secrets may also
come from
files in a secrets mount (UNDERTONE_SECRETS_DIR, default /run/secrets), one file per variable name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CsvList = Annotated[list[str], NoDecode]


class Settings(BaseSettings):
    """Runtime configuration of Undertone."""

    model_config = SettingsConfigDict(
        env_prefix="UNDERTONE_",
        populate_by_name=True,
        extra="ignore",
        frozen=True,
        case_sensitive=False,
    )

    slack_bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_BOT_TOKEN", "slack_bot_token"),
        description="Bot token (xoxb-...). Required by serve, worker and socket.",
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "slack_signing_secret"),
        description="Signing secret used to verify Slack's HTTP requests. Required by serve.",
    )
    slack_app_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_APP_TOKEN", "slack_app_token"),
        description="App-level token (xapp-...) for Socket Mode.",
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/",
        validation_alias=AliasChoices("SLACK_API_URL", "slack_api_url"),
        description="Base URL of the Slack Web API.",
    )
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("REDIS_URL", "redis_url"),
        description="Redis URL. Absent: an embedded in-process store (single process only).",
    )
    redis_cluster: bool = Field(
        default=False,
        validation_alias=AliasChoices("UNDERTONE_REDIS_CLUSTER", "redis_cluster"),
        description="REDIS_URL names a node of a Redis Cluster (the others are discovered).",
    )
    supervisor_channel: str | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_SUPERVISOR_CHANNEL", "supervisor_channel"),
        description="Internal channel id where escalation pings go.",
    )
    agent_user_ids: CsvList = Field(
        default_factory=list,
        validation_alias=AliasChoices("UNDERTONE_AGENT_USER_IDS", "agent_user_ids"),
        description="Comma-separated user ids of agents (for internal channels).",
    )
    agent_usergroup: str | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_AGENT_USERGROUP", "agent_usergroup"),
        description="User group id whose members are agents (for internal channels).",
    )
    supervisor_usergroup: str | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_SUPERVISOR_USERGROUP", "supervisor_usergroup"),
        description="User group id whose members are supervisors. Empty: the members of the "
        "channels alerts go to.",
    )
    support_channels: CsvList = Field(
        default_factory=list,
        validation_alias=AliasChoices("UNDERTONE_SUPPORT_CHANNELS", "support_channels"),
        description="Comma-separated channel ids to watch. Empty: every channel the bot is in.",
    )
    home_team_ids: CsvList = Field(
        default_factory=list,
        validation_alias=AliasChoices("UNDERTONE_HOME_TEAM_IDS", "home_team_ids"),
        description="Our own team/enterprise ids. Empty: taken from auth.test.",
    )
    phrasebook_dir: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_PHRASEBOOK_DIR", "phrasebook_dir"),
        description="A team phrasebook folder that adds playbooks/phrasings and overrides policy.",
    )
    workers: int = Field(
        default=1,
        ge=0,
        le=16,
        validation_alias=AliasChoices("UNDERTONE_WORKERS", "workers"),
        description="Stream consumers run inside `serve` (0: run `undertone worker` separately).",
    )
    worker_nice: int = Field(
        default=0,
        ge=0,
        le=19,
        validation_alias=AliasChoices("UNDERTONE_WORKER_NICE", "worker_nice"),
        description="How far `undertone worker` lowers its own CPU priority, so on a shared host "
        "serve's acknowledgements come first (0, the default: leave it; a worker lowered while "
        "the host is busy falls behind its intake).",
    )
    claim_idle_ms: int = Field(
        default=15_000,
        ge=0,
        validation_alias=AliasChoices("UNDERTONE_CLAIM_IDLE_MS", "claim_idle_ms"),
        description="An intake entry unacknowledged this long is taken over by another worker.",
    )
    delivery_lease_seconds: float = Field(
        default=20.0,
        ge=0.5,
        le=600,
        validation_alias=AliasChoices("UNDERTONE_DELIVERY_LEASE_SECONDS", "delivery_lease_seconds"),
        description="How long a worker may hold an effect it is sending before another takes it "
        "(a worker killed mid-send delays that effect by at most this long).",
    )
    shutdown_grace_seconds: float = Field(
        default=10.0,
        ge=0,
        le=600,
        validation_alias=AliasChoices("UNDERTONE_SHUTDOWN_GRACE_SECONDS", "shutdown_grace_seconds"),
        description="On SIGTERM: how long to finish in-flight work before handing it back.",
    )
    thread_ttl_seconds: int = Field(
        default=7 * 24 * 3600,
        ge=60,
        validation_alias=AliasChoices("UNDERTONE_THREAD_TTL_SECONDS", "thread_ttl_seconds"),
        description="How long thread state (scores, steps, short evidence quotes) is kept.",
    )
    pagerduty_routing_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_PAGERDUTY_ROUTING_KEY", "pagerduty_routing_key"),
        description="PagerDuty Events API v2 routing key for on-call paging.",
    )
    pagerduty_url: str = Field(
        default="https://events.pagerduty.com/v2/enqueue",
        validation_alias=AliasChoices("UNDERTONE_PAGERDUTY_URL", "pagerduty_url"),
        description="PagerDuty Events API v2 endpoint.",
    )
    paging_webhook_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_PAGING_WEBHOOK_URL", "paging_webhook_url"),
        description="Generic on-call webhook (JSON POST).",
    )
    paging_webhook_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_PAGING_WEBHOOK_SECRET", "paging_webhook_secret"),
        description="HMAC-SHA256 secret that signs webhook pages.",
    )
    slack_client_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_CLIENT_ID", "slack_client_id"),
        description="OAuth client id: set with the secret to install into many workspaces.",
    )
    slack_client_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_CLIENT_SECRET", "slack_client_secret"),
        description="OAuth client secret (many-workspace mode).",
    )
    token_encryption_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_TOKEN_ENCRYPTION_KEY", "token_encryption_key"),
        description="Fernet key(s) that encrypt stored bot tokens, comma-separated, newest first "
        "(many-workspace mode; `undertone keygen` makes one).",
    )
    oauth_redirect_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_OAUTH_REDIRECT_URL", "oauth_redirect_url"),
        description="Public URL of /slack/oauth_redirect (default: the app's configured one).",
    )
    token_refresh_minutes: int = Field(
        default=30,
        ge=1,
        le=600,
        validation_alias=AliasChoices("UNDERTONE_TOKEN_REFRESH_MINUTES", "token_refresh_minutes"),
        description="With token rotation on, refresh a bot token this long before it expires.",
    )
    log_json: bool | None = Field(
        default=None,
        validation_alias=AliasChoices("UNDERTONE_LOG_JSON", "log_json"),
        description="JSON log lines (default: when stderr is not a terminal).",
    )
    log_level: str = Field(
        default="INFO",
        validation_alias=AliasChoices("UNDERTONE_LOG_LEVEL", "log_level"),
        description="Log level of Undertone's own loggers.",
    )

    @field_validator("agent_user_ids", "support_channels", "home_team_ids", mode="before")
    @classmethod
    def _split_csv(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _slash(cls, value: str) -> str:
        if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @property
    def oauth_enabled(self) -> bool:
        """Many-workspace mode: Slack's OAuth install flow, tokens stored per workspace."""
        return bool(self.slack_client_id and self.secret("slack_client_secret"))

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("redis", "rediss", "unix"):
            raise ValueError("not a Redis URL (expected redis://host:port/db)")
        if parts.scheme != "unix" and not parts.hostname:
            raise ValueError("a Redis URL needs a host (redis://host:port/db)")
        try:
            _ = parts.port
        except ValueError as exc:
            raise ValueError("the port is not a number") from exc
        return value.strip()

    def secret(self, name: str) -> str:
        """The plain value of a secret field, or '' when unset."""
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else ""


def setting_name(field: str) -> str:
    """The environment variable that sets a field (given its name or one of its aliases)."""
    for name, info in Settings.model_fields.items():
        alias = info.validation_alias
        choices = [str(c) for c in alias.choices] if isinstance(alias, AliasChoices) else []
        if field.lower() in {name, *(c.lower() for c in choices)}:
            return choices[0] if choices else f"UNDERTONE_{name.upper()}"
    return field.upper()


def describe_error(exc: ValidationError) -> str:
    """One line naming the setting and what is wrong with it (never its value: it may be a
    secret)."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    message = str(first["msg"]).removeprefix("Value error, ")
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid setting {setting_name(field)}: {message}{more}"


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment and the secrets mount (when it exists)."""
    secrets_dir = os.environ.get("UNDERTONE_SECRETS_DIR", "/run/secrets")
    if Path(secrets_dir).is_dir():
        return Settings(_secrets_dir=secrets_dir, **overrides)
    return Settings(**overrides)
