from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
BIN = ROOT / ".venv" / "bin"
# NIANBAO_REGEN=1 rewrites golden files instead of comparing; test_regen_flag_off keeps it off in CI.
REGEN = os.environ.get("NIANBAO_REGEN") == "1"


def load_json(p: Path):
    return json.loads(p.read_text(encoding="utf-8"))


GOLDEN = "golden"  # the one name of the folders whose files golden() writes (hand-checked records live in expected/)


def golden(path: Path, actual) -> None:
    """Compare ``actual`` with the golden JSON at ``path`` (or rewrite it when REGEN)."""
    assert path.parent.name == GOLDEN, f"golden files live in a folder named {GOLDEN}/, not {path.parent.name}/"
    text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if REGEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {path} did not exist; written now — review and commit it")
        return
    assert json.loads(text) == load_json(path)


def leaves(node, prefix=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix, node


def get(node, path):
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return KeyError
        node = node[part]
    return node


def mismatches(expected: dict, actual: dict) -> list[tuple[str, object, object]]:
    """Fields of ``expected`` that ``actual`` gets wrong, as score.py counts them."""
    out = []
    for path, want in leaves(expected):
        got = get(actual, path)
        if got is KeyError:
            out.append((path, want, None))
        elif want is None or got is None:
            if not (want is None and got is None):
                out.append((path, want, got))
        elif isinstance(want, (int, float)) and not isinstance(want, bool):
            if not (isinstance(got, (int, float)) and abs(want - got) < 1e-9):
                out.append((path, want, got))
        elif want != got:
            out.append((path, want, got))
    return out


def cli(*args, cwd=None, env: dict[str, str] | None = None, timeout=None):
    """Run ``nianbao ARGS`` in this process (typer's CliRunner): exit code, stdout and stderr as the
    installed command gives them, without starting Python again. An exception the command does not turn
    into a Chinese message and an exit code is raised here, so a test sees the traceback a user would.
    ``timeout`` is accepted for call sites written for subprocess.run and ignored."""
    import contextlib
    from types import SimpleNamespace

    from typer.testing import CliRunner

    from nianbao.cli.main import app

    runner = CliRunner()
    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        r = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **(env or {})},
                          catch_exceptions=False)
    return SimpleNamespace(returncode=r.exit_code, stdout=r.stdout, stderr=r.stderr)
