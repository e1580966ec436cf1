"""Admin registration: each app registers its hooks and permission policies in its wagtail_hooks.py, nowhere else.

As Wagtail's contrib apps do: views, forms, filters and permission policies are plain modules that register
nothing when imported, so that reading an app's wagtail_hooks.py tells everything it adds to the admin.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.permissions import policy_registry

from feedback.admin.permissions import CommentPermissionPolicy, QuestionPermissionPolicy
from feedback.models import ConsultationComment, Question
from services.admin.permissions import DossierPermissionPolicy, PlanPermissionPolicy
from services.models import Dossier, OnlineServicePlan

ROOT = Path(__file__).resolve().parent.parent

# What registers something in Wagtail's admin, called or used as a decorator.
REGISTERING = {"register", "register_permission_policy", "register_admin_url_finder", "register_snippet"}


def registrations(path: Path) -> list[str]:
    """The lines of `path` that call a registering function (`hooks.register(...)`, `@hooks.register(...)`…)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            if name in REGISTERING:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def project_modules() -> list[Path]:
    """The Python modules of the project's own apps, migrations left out."""
    modules = []
    for config in apps.get_app_configs():
        root = Path(config.path)
        if root.is_relative_to(ROOT) and not root.is_relative_to(ROOT / ".venv"):
            modules += [path for path in root.rglob("*.py") if "migrations" not in path.parts]
    return modules


def test_only_wagtail_hooks_register():
    outside = [line for path in project_modules() if path.name != "wagtail_hooks.py" for line in registrations(path)]

    assert outside == []


@pytest.mark.parametrize(
    ("model", "policy_class"),
    [
        (Dossier, DossierPermissionPolicy),
        (OnlineServicePlan, PlanPermissionPolicy),
        (Question, QuestionPermissionPolicy),
        (ConsultationComment, CommentPermissionPolicy),
    ],
)
def test_each_admin_model_has_its_policy(model, policy_class):
    # Registered when Wagtail loads the hooks at start-up, before any viewset asks for a policy.
    assert isinstance(policy_registry.get_by_type(model, fallback=False), policy_class)
