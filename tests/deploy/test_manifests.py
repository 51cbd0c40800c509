"""deploy/: the compose file, HAProxy's configuration and the Kubernetes manifests hold
together (parsed, cross-checked, `haproxy -c`); every MATCHMAKER_ variable they set exists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from matchmaker.config import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
KUBE = DEPLOY / "kubernetes"


def load_all(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def kube() -> dict[tuple[str, str], dict[str, Any]]:
    """Every manifest the kustomization lists, by (kind, name)."""
    listed = load_all(KUBE / "kustomization.yaml")[0]["resources"]
    assert sorted(listed) == sorted(
        p.name for p in KUBE.glob("*.yaml") if p.name != "kustomization.yaml"
    )
    docs = [doc for name in listed for doc in load_all(KUBE / name)]
    return {(doc["kind"], doc["metadata"]["name"]): doc for doc in docs}


def settings_env(names: list[str]) -> list[str]:
    """The MATCHMAKER_ names that are no setting."""
    known = {f"MATCHMAKER_{field.upper()}" for field in Settings.model_fields}
    return [n for n in names if n.startswith("MATCHMAKER_") and n not in known]


def test_compose_runs_three_replicas_without_workers_and_one_worker() -> None:
    compose = load_all(DEPLOY / "compose.yaml")[0]
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "api", "worker", "haproxy"}
    api, worker = services["api"], services["worker"]
    assert api["deploy"]["replicas"] == 3
    assert api["environment"]["MATCHMAKER_WORKERS_ENABLED"] == "false"
    assert api["environment"]["MATCHMAKER_REDIS_URL"].startswith("redis://redis:")
    assert api["command"][:2] == ["matchmaker", "serve"]
    assert worker["command"][:2] == ["matchmaker", "worker"]
    assert services["migrate"]["command"] == ["matchmaker", "migrate"]
    # Replicas start after the migration, and share the folder imports wait in.
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    upload_dir = api["environment"]["MATCHMAKER_UPLOAD_DIR"]
    for service in (api, worker):
        assert f"uploads:{upload_dir}" in service["volumes"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in services["haproxy"]["volumes"]
    for name in ("postgres", "redis"):
        assert services[name]["healthcheck"]["test"]
    assert settings_env(list(api["environment"])) == []


def test_haproxy_configuration_is_valid_and_checks_readiness() -> None:
    config = (DEPLOY / "haproxy.cfg").read_text()
    assert "option httpchk GET /readyz" in config
    assert "server-template api" in config
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        pytest.fail("haproxy is not installed: make deploy-tools", pytrace=False)
    checked = subprocess.run(
        [haproxy, "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_kubernetes_deployment_probes_service_autoscaler_and_migration_job() -> None:
    docs = kube()
    for doc in docs.values():
        assert {"apiVersion", "kind", "metadata"} <= set(doc)
    api = docs[("Deployment", "matchmaker-api")]
    pod = api["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert api["spec"]["selector"]["matchLabels"].items() <= (
        api["spec"]["template"]["metadata"]["labels"].items()
    )
    port = container["ports"][0]
    service = docs[("Service", "matchmaker-api")]
    assert service["spec"]["ports"][0]["targetPort"] in (port["name"], port["containerPort"])
    assert (
        service["spec"]["selector"].items() <= api["spec"]["template"]["metadata"]["labels"].items()
    )
    hpa = docs[("HorizontalPodAutoscaler", "matchmaker-api")]
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "matchmaker-api",
    }
    assert hpa["spec"]["minReplicas"] >= 3 <= hpa["spec"]["maxReplicas"]
    job = docs[("Job", "matchmaker-migrate")]
    (migrate,) = job["spec"]["template"]["spec"]["containers"]
    assert migrate["command"] == ["matchmaker", "migrate"]
    worker = docs[("Deployment", "matchmaker-worker")]
    (runner,) = worker["spec"]["template"]["spec"]["containers"]
    assert runner["command"][:2] == ["matchmaker", "worker"]
    config = docs[("ConfigMap", "matchmaker")]["data"]
    assert config["MATCHMAKER_WORKERS_ENABLED"] == "false"
    # Every variable set anywhere is a real setting (a typo would be silently ignored).
    names = list(config)
    for deployment in (api, worker, job):
        for c in deployment["spec"]["template"]["spec"]["containers"]:
            names += [e["name"] for e in c.get("env", [])]
    assert settings_env(names) == []
    # Replicas and workers mount the same claim for the upload folder.
    claims = {
        v["persistentVolumeClaim"]["claimName"]
        for d in (api, worker)
        for v in d["spec"]["template"]["spec"]["volumes"]
        if "persistentVolumeClaim" in v
    }
    assert claims == {"matchmaker-uploads"}
    assert docs[("PersistentVolumeClaim", "matchmaker-uploads")]["spec"]["accessModes"] == [
        "ReadWriteMany"
    ]
