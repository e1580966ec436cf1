"""Every package the code imports is declared, pinned: the product's in requirements.txt, the tests' and benches'
in requirements.txt or requirements-dev.txt. A package that only arrives as another's dependency can vanish with
that package's next release."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()} | {"manage"}
TOOLS = ["tests", "bench"]
PRODUCT = sorted(LOCAL - {"manage", *TOOLS})  # the project and its apps, whatever their number


def imported_modules(folders: list[str]) -> dict[str, str]:
    """The top-level modules imported (absolutely) by the Python files under `folders`, other than the standard
    library's and the project's own, each with one file that imports it."""
    modules = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in LOCAL:
                        modules.setdefault(top, str(path.relative_to(ROOT)))
    return modules


def declared(*files: str) -> dict[str, str]:
    """{normalised distribution name: the requirement line} of the pinned requirements in `files`."""
    requirements = {}
    for name in files:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            match = re.match(r"([A-Za-z0-9_.-]+)(\[[^]]*\])?==\S+", line.strip())
            if match:
                requirements[normalise(match.group(1))] = line.strip()
    return requirements


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def undeclared(modules: dict[str, str], requirements: dict[str, str]) -> list[str]:
    distributions = packages_distributions()
    missing = []
    for module, example in sorted(modules.items()):
        names = {normalise(name) for name in distributions.get(module, [module])}
        if not names & requirements.keys():
            missing.append(f"{module} (imported by {example}; distribution {', '.join(sorted(names))})")
    return missing


def test_the_product_imports_only_what_requirements_txt_declares():
    assert undeclared(imported_modules(PRODUCT), declared("requirements.txt")) == []


def test_the_tests_and_benches_import_only_what_the_requirements_declare():
    requirements = declared("requirements.txt", "requirements-dev.txt")
    assert undeclared(imported_modules(TOOLS), requirements) == []


def test_the_check_sees_the_imports_it_is_meant_to_see():
    """It finds the direct imports of the product (and none of the standard library or of the project's apps)."""
    modules = imported_modules(PRODUCT)
    assert {"portal", "home", "feedback"} <= set(PRODUCT)
    assert {"django", "wagtail", "modelsearch", "openpyxl"} <= modules.keys()
    assert not {"re", "json", "home", "vietnam"} & modules.keys()
