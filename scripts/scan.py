"""A wapiti scan with its default modules against the demo as `make run` serves it
(`make scan`; not part of `make test`: it takes half an hour or more). Prints what wapiti found
and fails on any vulnerability or anomaly (docs/reliability.md).

The demo is built in a throwaway SQLite database and served by Django's development server
with the development settings, on a free loopback port; wapiti (pinned in
requirements/scan.txt) runs from a virtual environment of its own, .venv-scan.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from local_server import free_port, wait_until_served

ROOT = Path(__file__).resolve().parents[1]
WAPITI = ROOT / ".venv-scan" / "bin" / "wapiti"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--max-scan-time", type=int, default=1800, help="seconds (1800)")
    args = parser.parse_args()
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="scan-"))
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "BASE_URL": base_url,
    }
    env.pop("REDIS_URL", None)
    python = sys.executable
    for command in (["migrate", "--no-input", "--verbosity", "0"], ["load_demo_content"]):
        subprocess.run([python, "manage.py", *command], env=env, cwd=ROOT, check=True)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    report = work / "wapiti.json"
    try:
        wait_until_served(f"{base_url}/en/", server)
        subprocess.run(  # noqa: S603
            [
                str(WAPITI),
                "--url",
                f"{base_url}/",
                "--scope",
                "folder",
                # The directory's filters combine without end: one industry at a time is
                # every page there is to attack.
                "--exclude",
                f"{base_url}/*tag=*tag=*",
                # Where the SSRF and XXE modules would look for calls back from the site: a
                # closed loopback port, so the scan sends nothing off this machine.
                "--endpoint",
                f"http://127.0.0.1:{free_port()}/",
                "--format",
                "json",
                "--output",
                str(report),
                "--store-session",
                str(work / "session"),
                "--max-scan-time",
                str(args.max_scan_time),
                "--no-bugreport",
                "--verbose",
                "0",
            ],
            cwd=work,
            check=True,
        )
    finally:
        server.terminate()
        server.wait()
    found = json.loads(report.read_text())
    problems = {
        f"{kind}: {name}": entries
        for kind in ("vulnerabilities", "anomalies")
        for name, entries in found.get(kind, {}).items()
        if entries
    }
    crawled = found.get("infos", {}).get("crawled_pages_nbr", "?")
    print(f"wapiti crawled {crawled} pages of {base_url}; report: {report}")  # noqa: T201
    for name, entries in problems.items():
        print(f"\n{name} ({len(entries)})")  # noqa: T201
        for entry in entries:
            print(f"  {entry.get('method')} {entry.get('path')} {entry.get('info')}")  # noqa: T201
    if problems:
        sys.exit(f"\n{sum(map(len, problems.values()))} findings")
    print("nothing found")  # noqa: T201


if __name__ == "__main__":
    main()
