"""`make audit` (issue 11, point 16): pip-audit over both requirement files, on demand, never in CI."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_audit_runs_pip_audit_on_the_requirements_from_its_own_virtualenv():
    make = [shutil.which("make"), "--dry-run", "--always-make", "audit"]
    commands = subprocess.run(make, cwd=ROOT, capture_output=True, text=True, timeout=30)

    assert commands.returncode == 0, commands.stderr
    assert "pip install --quiet pip-audit==" in commands.stdout  # pinned, into .venv-audit
    audit = next(line for line in commands.stdout.splitlines() if "/bin/pip-audit " in line)
    assert audit.startswith(".venv-audit/bin/pip-audit --strict")  # a package it could not check fails the run
    assert "-r requirements.txt" in audit and "-r requirements-dev.txt" in audit


def test_the_audit_stays_out_of_ci_and_its_requirements():
    # CI's machines reach no vulnerability database: the audit is run before each release and weekly (README).
    assert "audit" not in (ROOT / ".ci" / "run").read_text()
    assert "pip-audit" not in (ROOT / "requirements-dev.txt").read_text()
    assert "make audit" in (ROOT / "README.md").read_text()
