"""The package as another repository gets it: a wheel of this checkout, installed into a fresh venv, builds
a project that has no ``scripts/`` folder of its own (the commands and the MkDocs plugin come from the wheel).

The wheel is built by pip with build isolation (setuptools from the package index, as ``scripts/install.sh``
needs too). The fresh venv has no pip and no packages: a ``.pth`` file lends it the pinned dependencies of
the environment running the tests, and the wheel is unpacked into its site-packages, which is all that
installing a pure-Python wheel does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_repo

PACKAGE = ROOT / "scripts"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    checkout = copy_repo(folder)  # setuptools writes build/ and *.egg-info into the folder it builds
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", str(folder / "dist"), str(checkout)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    [built] = (folder / "dist").glob("proposal_site-*.whl")
    return built


def dependency_paths() -> list[str]:
    """Where this environment's installed packages are (not the checkout, not the standard library)."""
    return [p for p in dict.fromkeys(sys.path) if p.endswith("site-packages") and Path(p).is_dir()]


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed and the dependencies lent by a .pth file."""
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=120)
    python = root / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "dependencies.pth").write_text("\n".join(dependency_paths()) + "\n", encoding="utf-8")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return python


def test_the_wheel_holds_every_module_template_and_the_plugin_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    data = [PACKAGE / folder for folder in ("templates", "assets", "overrides")]
    templates = {p.relative_to(ROOT).as_posix() for folder in data for p in folder.rglob("*") if p.is_file()}
    missing = (modules | templates) - names
    assert modules and templates and not missing, sorted(missing)
    assert not [n for n in names if ".data/" in n]  # pure Python: unpacking it is installing it
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "proposal = scripts.plugin:ProposalPlugin" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_a_project_without_scripts_splits_and_builds_with_the_installed_package(venv, tmp_path):
    project = copy_repo(tmp_path)
    shutil.rmtree(project / "scripts")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_MKDOCS_2_WARNING": "1"}

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(venv), *argv], cwd=project, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)

    where = run("-c", "import scripts; print(scripts.__file__)")
    assert where.stdout.startswith(str(venv.parent.parent)), where.stdout + where.stderr
    split = run("-m", "scripts", "split", "--check")
    assert split.returncode == 0, split.stdout + split.stderr
    build = run("-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr[-3000:]
    for built in ("index.html", "en/part-06/index.html", "glossary.tbx", "targets.json", "en/search/search_index.json"):
        assert (tmp_path / "site" / built).is_file(), built
