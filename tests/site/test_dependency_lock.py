"""What a fresh machine installs is what was tested: every package of each group, its
dependencies too, locked with hashes in requirements/ (made by `make lock`)."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\],]+?)==([^\s;\\]+)")


def normalised(name):
    return re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()


def group_pins(group, groups):
    pins = {}
    for item in groups[group]:
        if isinstance(item, dict):
            pins |= group_pins(item["include-group"], groups)
        else:
            name, version = item.split("==")
            pins[normalised(name)] = version
    return pins


def locked(group):
    """Name -> (version, hashes) of requirements/<group>.txt."""
    found, current = {}, None
    for line in (ROOT / "requirements" / f"{group}.txt").read_text().splitlines():
        if match := PIN.match(line):
            current = normalised(match[1])
            found[current] = (match[2], [])
        elif "--hash=sha256:" in line and current:
            found[current][1].append(line.split("--hash=sha256:")[1].split()[0])
    return found


@pytest.mark.parametrize("group", ["run", "test", "bench", "scan", "data"])
def test_each_group_is_locked_whole_with_hashes(group):
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    lock = locked(group)
    for name, version in group_pins(group, groups).items():
        assert name in lock, f"{name} is not in requirements/{group}.txt: run make lock"
        assert lock[name][0] == version, f"{name}: run make lock"
    # Dependencies of dependencies too, each with its hash.
    assert len(lock) > len(group_pins(group, groups))
    assert all(hashes for _version, hashes in lock.values())


def test_make_installs_from_the_lock_files_only():
    makefile = (ROOT / "Makefile").read_text()
    installs = [line for line in makefile.splitlines() if "pip install" in line]
    assert any("--require-hashes" in line for line in installs)
    assert not any("--group" in line for line in installs)
