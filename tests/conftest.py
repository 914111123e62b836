from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
BIN = ROOT / ".venv" / "bin"
# pytest-xdist's workers inherit the terminal's COLUMNS (80 when it has none): rich would fix the width of the
# CLI's consoles when nianbao.cli is first imported, and every table a test reads would be cut to it, whatever
# COLUMNS the test gives its own CLI call. Without it in the environment, each call's COLUMNS is the width.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)
# NIANBAO_REGEN=1 rewrites golden files instead of comparing; test_regen_flag_off keeps it off in CI.
REGEN = os.environ.get("NIANBAO_REGEN") == "1"


def load_json(p: Path):
    return json.loads(p.read_text(encoding="utf-8"))


GOLDEN = "golden"  # the one name of the folders whose files golden() writes (hand-checked records live in expected/)


# Record keys added after golden files were written (the report's own words: opening, contact,
# signature, each section's paragraphs). A golden that lacks them is compared on the keys it has;
# every other key, and a new key inside any other part of the record, still has to match.
ADDED_RECORD_KEYS = frozenset({"opening", "contact", "signature", "consolidation"})
ADDED_SECTION_KEYS = frozenset({"paragraphs"})
ADDED_NOTE_KEYS = frozenset({"reason"})  # 2026-12-03: a repair's reason apart from the document's text


def _without_added(actual, expected):
    if isinstance(actual, list) and isinstance(expected, list):
        return [_without_added(a, e) for a, e in zip(actual, expected)] + actual[len(expected):]
    if not (isinstance(actual, dict) and isinstance(expected, dict)):
        return actual
    if "meta" in actual and "sections" in actual:  # a record
        actual = {k: v for k, v in actual.items() if k not in ADDED_RECORD_KEYS or k in expected}
        if isinstance(actual["sections"], list) and isinstance(expected.get("sections"), list):
            actual["sections"] = [
                {k: v for k, v in a.items() if k not in ADDED_SECTION_KEYS or k in e} if isinstance(a, dict)
                and isinstance(e, dict) else a for a, e in zip(actual["sections"], expected["sections"])
            ] + actual["sections"][len(expected["sections"]):]
        if isinstance(actual.get("notes"), list) and isinstance(expected.get("notes"), list):
            actual["notes"] = [
                {k: v for k, v in a.items() if k not in ADDED_NOTE_KEYS or k in e or v is not None}
                if isinstance(a, dict) and isinstance(e, dict) else a for a, e in zip(actual["notes"], expected["notes"])
            ] + actual["notes"][len(expected["notes"]):]
    return {k: _without_added(v, expected[k]) if k in expected else v for k, v in actual.items()}


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
    expected = load_json(path)
    assert _without_added(json.loads(text), expected) == expected


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


def assert_score_py_100(expected: Path, inputs: Path, timeout: int = 600) -> None:
    """shared/tools/score.py on ``inputs`` against the hand-read records in ``expected``, through the
    installed ``nianbao parse --json``: every field right (accuracy=100.00 %) and exit code 0."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(expected),
         "--cmd", f"{BIN / 'nianbao'} parse --json {{}}", "--inputs", str(inputs)],
        capture_output=True, text=True, timeout=timeout, check=False)
    assert "accuracy=100.00%" in run.stdout.strip().splitlines()[-1], run.stdout
    assert run.returncode == 0


# After the whole suite passed (1136 tests), one clean-clone run aborted in the interpreter's own teardown
# with glibc's "corrupted double-linked list" (exit 134 after the summary), so `make test` failed with every
# test green. The native libraries the suite loads (onnxruntime, pdfium, Chromium's driver) free their
# memory at exit in an order we do not control; the cause is not found yet (see CHANGELOG). Until it is,
# the run leaves with pytest's own status once pytest has finished everything it reports.
_STATUS: dict[str, int] = {}


def pytest_sessionfinish(session, exitstatus):
    _STATUS["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # (a worker of pytest-xdist leaves as usual: its results reach the main process only after this hook)
    if "code" in _STATUS and os.environ.get("NIANBAO_TEST_FULL_EXIT") != "1" and not hasattr(config, "workerinput"):
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_STATUS["code"])
