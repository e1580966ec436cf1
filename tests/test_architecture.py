"""The apps import one another only downwards (README, "How the pieces fit"): no loop, and no product app imports
the demo. Read from the source, every import statement including those inside functions."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What each app may import of the project's own apps. `portal` is the project (settings, urls): it may name any app.
MAY_IMPORT = {
    "vietnam": set(),
    "outbox": set(),
    "worker": set(),
    "groundwork": {"vietnam", "outbox"},
    "signin": {"groundwork", "vietnam"},
    "home": {"groundwork", "vietnam"},
    "documents": {"home", "finder", "groundwork", "vietnam"},  # an import indexes its documents in the site search once
    "gazette": {"home", "groundwork", "vietnam"},
    "publications": {"home", "vietnam"},
    "feedback": {"documents", "home", "groundwork", "vietnam"},
    "services": {"home", "groundwork", "vietnam"},
    "territory": {"home", "groundwork", "vietnam"},
    "following": {"home", "groundwork", "vietnam"},
    "organisation": {"home", "groundwork", "vietnam"},
    "procurement": {"home", "groundwork", "vietnam"},
    "finder": {"home", "groundwork", "vietnam"},
    "leadership": {"home", "groundwork", "vietnam"},
    "operations": {"home", "groundwork", "vietnam"},
    "frontcache": {"home"},  # purges what a change of home's pages and records makes stale
    "backups": set(),  # reads every model through the database dump, imports none
    "archiving": {"home", "documents", "finder", "groundwork", "vietnam"},
    "reporting": {"home", "groundwork", "vietnam", "documents", "feedback", "services", "publications", "procurement"},
    "oversight": {
        "home",
        "documents",
        "feedback",
        "services",
        "publications",
        "procurement",
        "leadership",
        "organisation",
        "groundwork",
        "vietnam",
    },
}
PROJECT_PACKAGES = {*MAY_IMPORT, "portal", "demo"}


def imported_apps(app: str) -> dict[str, set[str]]:
    """The project packages each module of `app` imports, by the module's path."""
    found = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = (names & PROJECT_PACKAGES) - {app}
    return found


def test_every_app_is_listed():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - {"demo"} == set(MAY_IMPORT)


def test_apps_import_only_the_apps_below_them():
    wrong = [
        f"{module} imports {other}"
        for app, allowed in MAY_IMPORT.items()
        for module, imported in imported_apps(app).items()
        for other in sorted(imported - allowed)
    ]
    assert wrong == []


def test_the_allowed_imports_have_no_loop():
    done, visiting = set(), []

    def visit(app):
        assert app not in visiting, " -> ".join([*visiting, app])
        if app in done:
            return
        visiting.append(app)
        for other in MAY_IMPORT[app]:
            visit(other)
        visiting.pop()
        done.add(app)

    for app in MAY_IMPORT:
        visit(app)
