"""What a platform team deploys is valid and consistent: the Dockerfile, the compose file (against
the compose-spec schema), the Kubernetes manifests (against the Kubernetes schemas, strict), the
Grafana dashboard and the alert rules (only metric families that exist), and the settings they
set (only names Undertone reads). The schemas ship inside PyPI packages: no network needed.

The image's filesystem itself is built and run by `scripts/image-check` (in .ci/run).
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import kubernetes_validate.utils as kv
import pytest
import yaml

from bot import metrics
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S_FILES = sorted((DEPLOY / "k8s").glob("*.yaml"))


def _imagefs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("imagefs", DEPLOY / "imagefs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["imagefs"] = module
    spec.loader.exec_module(module)
    return module


imagefs = _imagefs()


def setting_names() -> set[str]:
    """Every environment name Undertone reads (the aliases of the settings object)."""
    names = {"UNDERTONE_SECRETS_DIR"}  # read by load_settings itself: where the secrets are
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        choices = getattr(alias, "choices", [])
        names.update(c for c in choices if isinstance(c, str) and c.isupper())
    return names


# ---- Dockerfile ---------------------------------------------------------------------------------


def final_stage() -> dict[str, Any]:
    stages: list[dict[str, Any]] = []
    for ins, args in imagefs.instructions((DEPLOY / "Dockerfile").read_text()):
        if ins == "FROM":
            stages.append({"from": args})
        elif stages:
            stages[-1][ins] = args
    assert len(stages) >= 2, "a multi-stage build"
    return stages[-1]


def test_the_image_runs_serve_by_default_and_worker_by_argument_as_a_non_root_user() -> None:
    stage = final_stage()
    assert stage["from"].startswith("python:${PYTHON_VERSION}-slim")
    user = stage["USER"].split(":")[0]
    assert user not in ("", "0", "root")
    assert json.loads(stage["ENTRYPOINT"]) == ["undertone"]
    assert json.loads(stage["CMD"])[0] == "serve"
    assert "/healthz" in stage["HEALTHCHECK"] and "CMD" in stage["HEALTHCHECK"]


def test_the_dockerfile_copies_only_what_the_dockerignore_lets_through() -> None:
    patterns = imagefs.dockerignore(ROOT)
    copied = []
    for ins, args in imagefs.instructions((DEPLOY / "Dockerfile").read_text()):
        if ins == "COPY" and "--from" not in args:
            copied += args.split()[:-1]
    assert set(copied) == {"pyproject.toml", "README.md", "bot", "handlers", "phrasebook"}
    assert not [c for c in copied if imagefs.ignored(c, patterns)]
    for leaked in (".venv", ".git", "tests/conftest.py", "bot/__pycache__/app.cpython-311.pyc"):
        assert imagefs.ignored(leaked, patterns), leaked


def test_only_the_known_instructions_are_used() -> None:
    used = {ins for ins, _ in imagefs.instructions((DEPLOY / "Dockerfile").read_text())}
    assert used <= imagefs.SUPPORTED


# ---- compose ------------------------------------------------------------------------------------


def test_the_compose_file_validates_against_the_compose_spec() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(DEPLOY / "compose.yaml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return data


def test_compose_runs_serve_a_worker_and_a_durable_redis_with_secrets_from_files() -> None:
    services = compose()["services"]
    assert services["serve"]["command"][0] == "serve"
    assert services["worker"]["command"][0] == "worker"
    assert services["serve"]["environment"]["UNDERTONE_WORKERS"] == "0"
    redis_cmd = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis_cmd and "--maxmemory-policy noeviction" in redis_cmd
    assert services["redis"]["image"].startswith("redis:7")
    for name in ("serve", "worker"):
        assert services[name]["secrets"] == ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]
        assert services[name]["environment"]["UNDERTONE_SECRETS_DIR"] == "/run/secrets"
    for secret in compose()["secrets"].values():
        assert secret["file"].startswith("./secrets/")


def test_compose_sets_only_settings_undertone_reads() -> None:
    for service in ("serve", "worker"):
        env = compose()["services"][service]["environment"]
        assert set(env) <= setting_names(), set(env) - setting_names()


# ---- Kubernetes ---------------------------------------------------------------------------------


def k8s_objects() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in K8S_FILES:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc.get("kind") != "Kustomization":
                out.append((path.name, doc))
    return out


@pytest.mark.parametrize(
    "label, obj",
    [(f"{f}:{o['kind']}/{o['metadata']['name']}", o) for f, o in k8s_objects()],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_manifest_validates_strictly_against_the_newest_kubernetes(
    label: str, obj: dict[str, Any]
) -> None:
    kv.validate(obj, kv.latest_version(), strict=True)


def by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for _, o in k8s_objects() if o["kind"] == kind}


def container(deployment: dict[str, Any]) -> dict[str, Any]:
    (c,) = deployment["spec"]["template"]["spec"]["containers"]
    return c


def test_serve_and_worker_are_separate_deployments_with_probes_and_resources() -> None:
    deployments = by_kind("Deployment")
    serve, worker = (
        container(deployments["undertone-serve"]),
        container(deployments["undertone-worker"]),
    )
    assert serve["args"][0] == "serve" and worker["args"][0] == "worker"
    assert serve["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert serve["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert worker["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for c in (serve, worker):
        assert c["resources"]["requests"]["cpu"] and c["resources"]["requests"]["memory"]
        assert c["resources"]["limits"]["memory"]
        assert {"mountPath": "/run/secrets", "name": "secrets", "readOnly": True} in c[
            "volumeMounts"
        ]
        assert c["securityContext"]["readOnlyRootFilesystem"] is True


def test_pods_run_as_the_image_user_and_mount_the_secret() -> None:
    for deployment in by_kind("Deployment").values():
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == int(final_stage()["USER"].split(":")[0])
        (secret,) = [v for v in pod["volumes"] if "secret" in v]
        assert secret["secret"]["secretName"] == "undertone-secrets"


def test_autoscaling_and_disruption_budgets_cover_both_deployments() -> None:
    deployments = set(by_kind("Deployment"))
    scaled = {
        h["spec"]["scaleTargetRef"]["name"] for h in by_kind("HorizontalPodAutoscaler").values()
    }
    assert scaled == deployments
    assert len(by_kind("PodDisruptionBudget")) == 2
    assert by_kind("Service")["undertone"]["spec"]["ports"][0]["targetPort"] == "http"


def test_the_configmap_sets_only_settings_undertone_reads() -> None:
    data = by_kind("ConfigMap")["undertone-settings"]["data"]
    assert set(data) <= setting_names(), set(data) - setting_names()


def test_the_kustomization_lists_every_manifest_but_the_secret_example() -> None:
    kustomization = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    on_disk = {p.name for p in K8S_FILES} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == on_disk


# ---- dashboards and alerts ----------------------------------------------------------------------

KNOWN_FUNCTIONS = {
    "sum", "rate", "increase", "max", "min", "avg", "by", "histogram_quantile", "clamp_min",
    "label_values", "le", "without", "count", "up",
}  # fmt: skip


def metric_names(expr: str) -> set[str]:
    """Identifiers in a PromQL expression that name a series (not functions, labels, values)."""
    without_strings = re.sub(r'"[^"]*"', '""', expr)
    without_labels = re.sub(r"\{[^}]*\}|\([^()]*\bby\b|\bby \([^)]*\)", " ", without_strings)
    names = set(re.findall(r"\b[a-z_][a-z0-9_]*\b", without_labels))
    return {n for n in names if n not in KNOWN_FUNCTIONS and "_" in n}


def known_series() -> set[str]:
    names = set()
    for family in metrics.REGISTRY.collect():
        for suffix in ("", "_total", "_bucket", "_count", "_sum", "_info", "_created"):
            names.add(family.name + suffix)
    return names


def dashboard_exprs() -> list[str]:
    dash = json.loads((DEPLOY / "grafana" / "undertone-dashboard.json").read_text())
    exprs = [t["expr"] for panel in dash["panels"] for t in panel["targets"]]
    exprs += [v["query"] for v in dash["templating"]["list"] if v["type"] == "query"]
    return exprs


def alert_rules() -> list[dict[str, Any]]:
    data = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yaml").read_text())
    return [rule for group in data["groups"] for rule in group["rules"]]


def test_the_dashboard_plots_only_metric_families_that_exist() -> None:
    exprs = dashboard_exprs()
    assert len(exprs) >= 15
    unknown = {n for e in exprs for n in metric_names(e)} - known_series()
    assert unknown == set()


def test_the_dashboard_covers_every_undertone_family() -> None:
    plotted = {n for e in dashboard_exprs() for n in metric_names(e)}
    families = {f.name for f in metrics.REGISTRY.collect() if f.name.startswith("undertone_")}
    missing = {f for f in families if not any(n.startswith(f) for n in plotted)}
    assert missing == set()


def test_alert_rules_use_only_metric_families_that_exist() -> None:
    rules = alert_rules()
    assert len(rules) >= 8
    for rule in rules:
        assert rule["alert"].startswith("Undertone") and rule["labels"]["severity"]
        assert metric_names(rule["expr"]) - known_series() == set(), rule["alert"]


def test_every_setting_is_documented_in_env_example() -> None:
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert setting_names() - documented == set()
