"""Known vulnerabilities in the locked dependencies: pip-audit over backend/uv.lock and
`npm audit` over frontend/package-lock.json. Fails on any high or critical finding.

Both need a vulnerability database: pip-audit reads PyPI's per-release JSON, npm audit posts
to the registry's advisories endpoint. A registry mirror without them (as on the machines
this project is built on) leaves nothing audited: that is said loudly, not passed off as
"no known vulnerabilities", and does not fail the run."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BACKEND, FRONTEND = ROOT / "backend", ROOT / "frontend"
FAILING = {"high", "critical"}


def banner(text: str) -> None:
    print(f"\n*** {text}\n", flush=True)


def python_audit(uv: str) -> bool:
    """True when the audit ran and found nothing at or above high."""
    locked = subprocess.run(
        [uv, "export", "--frozen", "--format", "requirements-txt", "--no-emit-project"],
        cwd=BACKEND,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as requirements:
        requirements.write(locked)
        requirements.flush()
        result = subprocess.run(
            [
                str(BACKEND / ".venv" / "bin" / "pip-audit"),
                "--requirement",
                requirements.name,
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
        )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        banner(f"pip-audit did not run: {result.stderr.strip()[-500:]}")
        return True
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    found = [(d["name"], d["version"], v["id"]) for d in audited for v in d.get("vulns", [])]
    if not audited:
        banner(
            f"Python dependencies NOT audited: none of {len(dependencies)} could be looked up "
            "(this registry serves no vulnerability data)"
        )
        return True
    for name, version, vuln in found:
        print(f"  {name} {version}: {vuln}")
    print(f"pip-audit: {len(audited)} of {len(dependencies)} audited, {len(found)} known issues")
    # PyPI's advisories carry no severity: every known vulnerability counts.
    return not found


def npm_audit() -> bool:
    result = subprocess.run(
        ["npm", "audit", "--json", "--audit-level=high"],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        report = {}
    if "error" in report or "metadata" not in report:
        reason = report.get("error", {}).get("summary") or result.stderr.strip()[-300:]
        banner(f"npm packages NOT audited: {reason}")
        return True
    counts = report["metadata"]["vulnerabilities"]
    print(f"npm audit: {counts}")
    return not any(counts.get(level, 0) for level in FAILING)


def main() -> int:
    uv = sys.argv[1] if len(sys.argv) > 1 else "uv"
    clean = [python_audit(uv), npm_audit()]
    if not all(clean):
        banner("Dependencies with known high-severity vulnerabilities: upgrade them.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
