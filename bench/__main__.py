"""``python -m bench``: requests/s and latency of the site with 30 and 3,000 clusters.

For each size it builds a database of its own (bench/data.py; kept in .bench/ for the next
run), serves it with gunicorn on loopback and loads every row with wrk for a bounded time:
first with the page cache off (the floor, a cluster page, the API), then with it on: the
index and a filtered index answered from it, and the cold path, where right after a content
change every request asks for a filter never asked before. Queries per request come from the
``X-Queries`` header that the bench settings add. Prints a Markdown table and the targets.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
DATA_VERSION = 5  # bump when bench/data.py changes what it builds
API_PAGE = 6  # items per API answer

FLOOR = "floor (minimal Django view)"
COLD = "cluster index, a new filter each request, after a change"
# (row, URL key in the data's JSON, how it is served: "off" without the page cache, "hit"
# from it, "cold" with it on but never asked before)
# For comparison, no target: what any Wagtail page costs here, routing and site template.
PLAIN = "Contact page (no listing, uncached)"
ROWS = [
    (FLOOR, "floor", "off"),
    ("cluster page", "cluster", "off"),
    (PLAIN, "plain", "off"),
    ("API v3 clusters, industry + facets", "api", "off"),
    ("cluster index, cached", "index", "hit"),
    ("cluster index, 2 tags + country, cached", "filtered", "hit"),
    (COLD, "cold", "cold"),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,3000", help="clusters per language (30,3000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per row (10)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--rebuild", action="store_true", help="build the databases anew")
    args = parser.parse_args(argv)
    args.sizes = [int(size) for size in args.sizes.split(",")]
    return args


def environment(database):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.bench",
        BENCH_DATABASE_URL=database,
        PYTHONPATH=str(ROOT),
    )
    return env


def database_url(size):
    """PostgreSQL when DATABASE_URL names one (a database per size beside it), else SQLite."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/intranet_bench_{size}"
    return f"sqlite:///{WORK / f'clusters-{size}-v{DATA_VERSION}.sqlite3'}"


def urls_file_of(size):
    """Where the URLs of the data of ``size`` are kept, beside its database."""
    postgres = database_url(size).startswith("postgres")
    return WORK / f"{'postgres-' if postgres else ''}clusters-{size}-v{DATA_VERSION}.json"


def build_data(size, rebuild):
    database = database_url(size)
    postgres = database.startswith("postgres")
    urls_file = urls_file_of(size)
    if postgres:
        # A database of its own beside DATABASE_URL's, made anew unless it holds this data.
        if rebuild or not urls_file.exists() or not postgres_database_exists(database):
            recreate_postgres_database(database)
            urls_file.unlink(missing_ok=True)
    elif rebuild:
        urls_file.unlink(missing_ok=True)
    if urls_file.exists():
        migrate(database)  # kept data, and the code may have new migrations since
        return database, json.loads(urls_file.read_text())
    if not postgres:
        Path(database.removeprefix("sqlite:///")).unlink(missing_ok=True)
    print(f"Building {size} clusters per language...", file=sys.stderr, flush=True)
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.data", "--size", str(size), "--urls", str(urls_file)],
        env=environment(database),
        cwd=ROOT,
        check=True,
    )
    print(f"  built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return database, json.loads(urls_file.read_text())


def migrate(database):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--no-input", "--verbosity=0"],
        env=environment(database),
        cwd=ROOT,
        check=True,
    )


def _postgres_server(database):
    import psycopg

    server, name = database.rsplit("/", 1)
    return psycopg.connect(server + "/postgres", autocommit=True), name


def postgres_database_exists(database):
    connection, name = _postgres_server(database)
    with connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def recreate_postgres_database(database):
    from psycopg import sql

    connection, name = _postgres_server(database)
    with connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def server(database, workers, page_cache):
    port = free_port()
    # A cache of the database's own, empty at the start.
    cache_dir = WORK / f"cache-{Path(database.rsplit('/', 1)[-1]).stem}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    if os.environ.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    env = environment(database) | {
        "PAGE_CACHE_ENABLED": "1" if page_cache else "0",
        "CACHE_DIR": str(cache_dir),
    }
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(OSError):
                get(base + "/bench/floor/")
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        response.read()
        return response.status, response.headers


def probe(url, mode):
    """Queries per request, after enough requests that every worker has warmed up; for a page
    that should come from the page cache, once it does (a busy machine may take a while)."""
    deadline = time.monotonic() + 60
    while True:
        for _ in range(10):
            status, headers = get(url)
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
        if mode != "hit" or headers.get("X-Cache") == "HIT":
            return int(headers["X-Queries"])
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"{url} is still not served from the page cache after a minute (X-Cache: "
                f"{headers.get('X-Cache')}): is PAGE_CACHE_ENABLED on and the cache shared?"
            )
        time.sleep(1)


def probe_cold(base, warm, probe):
    """Queries of a filter never asked before, right after a content change: ``probe``, whose
    results are the same kind of clusters at every size (so that the comparison is of the
    same work). The request before it (``warm``) warms what every filter shares (header,
    footer, facet index), as the first visitor after a change does for the others."""
    get(base + "/bench/change/")
    get(base + warm)
    status, headers = get(base + probe)
    if status != 200 or headers.get("X-Cache") == "HIT":  # answers to search text: no header
        raise RuntimeError(f"{probe} answered {status}, X-Cache {headers.get('X-Cache')}")
    return int(headers["X-Queries"])


def query_of(path):
    """The non-blank parameters of ``path``'s query string."""
    return urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)


def after_change(base, url, times=10):
    """Median milliseconds of ``url`` requested alone right after a content change, when what
    is kept under the content version is computed again."""
    latencies = []
    for _ in range(times):
        get(base + "/bench/change/")
        started = time.perf_counter()
        get(url)
        latencies.append((time.perf_counter() - started) * 1000)
    return sorted(latencies)[len(latencies) // 2]


# Each wrk thread requests its own share of the paths, in turn, never one twice (unless the
# row outlasts them all).
COLD_SCRIPT = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("first", threads)
  threads = threads + 1
end
function init(args)
  step = %d
  n = first
end
function request()
  n = n + step
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def wrk(url, args, paths=None):
    command = [
        shutil.which("wrk") or "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={args.duration}s",
        "--timeout=30s",
        "--latency",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if paths:
            quoted = ",".join(json.dumps(path) for path in paths)
            script.write(COLD_SCRIPT % (quoted, args.threads))
            script.flush()
            command.append(f"--script={script.name}")
        result = subprocess.run(  # noqa: S603
            [*command, url], capture_output=True, text=True, check=True
        )
    out = result.stdout
    if "Non-2xx" in out or "Socket errors" in out:
        print(f"warning: errors while loading {url}:\n{out}", file=sys.stderr)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(out, "50%"),
        "p99": latency(out, "99%"),
    }


def latency(out, percentile):
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def run_size(size, args):
    database, urls = build_data(size, args.rebuild)
    urls["floor"] = "/bench/floor/"
    urls["plain"] = "/en/contact/"
    # Pages of the same length at every size: with 30 clusters 6 English ones are in the
    # first industry, with 3,000 Wagtail's default page would hold 20.
    urls["api"] += f"&limit={API_PAGE}"
    cold, cold_probe = urls.pop("cold"), urls.pop("cold_probe")
    results = {}
    for page_cache in (False, True):
        with server(database, args.workers, page_cache) as base:
            for name, key, mode in ROWS:
                if (mode != "off") != page_cache:
                    continue
                print(f"  N={size}: {name}", file=sys.stderr, flush=True)
                if mode == "cold":
                    # The warming filter searches no text: a word it shared with the probe
                    # would already be kept, and the probe would count one query less.
                    warm = next(path for path in reversed(cold) if "q" not in query_of(path))
                    queries = probe_cold(base, warm, cold_probe)
                    get(base + "/bench/change/")
                    rest = [path for path in cold if path != warm]  # wrk asks neither
                    results[name] = {"queries": queries, **wrk(base, args, rest)}
                    if results[name]["requests"] > len(rest):
                        print(f"warning: {name} asked some filters twice", file=sys.stderr)
                    continue
                url = base + urls[key]
                results[name] = {"queries": probe(url, mode), **wrk(url, args)}
                if mode == "off" and key != "floor":
                    results[name]["after_change"] = after_change(base, url)
    return results


def table(results):
    sizes = list(results)
    lines = [
        "| row | N | requests/s | p50 ms | p99 ms | p50 / floor | queries | after a change ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _key, _mode in ROWS:
        for size in sizes:
            row = results[size][name]
            ratio = row["p50"] / results[size][FLOOR]["p50"]
            after_change = f"{row['after_change']:.1f}" if "after_change" in row else ""
            lines.append(
                f"| {name} | {size:,} | {row['rps']:.0f} | {row['p50']:.1f} | "
                f"{row['p99']:.1f} | {ratio:.1f}x | {row['queries']} | {after_change} |"
            )
    return "\n".join(lines)


def targets(results):
    """The issue's targets, each with the numbers it was judged on."""
    small, large = results[min(results)], results[max(results)]
    sizes = f"N={max(results)} / N={min(results)}"
    checks = []

    def check(text, ok):
        checks.append(f"- [{'x' if ok else ' '}] {text}")

    def queries(name, most):
        counts = [results[size][name]["queries"] for size in results]
        check(
            f"{name}: queries {counts} equal and <= {most}",
            len(set(counts)) == 1 and counts[0] <= most,
        )

    def to_floor(name, most):
        ratio = large[name]["p50"] / large[FLOOR]["p50"]
        check(f"{name}: p50 / floor = {ratio:.2f} <= {most}", ratio <= most)

    def growth(name, most):
        if len(results) > 1:
            ratio = large[name]["p50"] / small[name]["p50"]
            check(f"{name}: p50 at {sizes} = {ratio:.2f} <= {most}", ratio <= most)

    for name, _key, mode in ROWS:
        if mode == "hit":
            queries(name, 0)
            to_floor(name, 1.3)
        elif mode == "cold":
            queries(name, 15)
            growth(name, 1.5)
            to_floor(name, 25)
        elif name not in (FLOOR, PLAIN):
            queries(name, 15)
            growth(name, 1.3)
    plain = large[COLD]["p50"] / large[PLAIN]["p50"]
    return "\n".join(checks) + f"\n\nCold index / Contact page at N={max(results)}: {plain:.1f}x"


def machine():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}), load average before the run {load}"


def main(argv=None):
    args = parse_args(argv)
    WORK.mkdir(exist_ok=True)
    about = machine()
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        env=environment(database_url(args.sizes[0])),
        cwd=ROOT,
        check=True,
    )
    results = {size: run_size(size, args) for size in args.sizes}
    print(f"Machine: {about}")
    print(
        f"wrk: {args.threads} threads, {args.connections} connections, {args.duration} s per "
        f"row; gunicorn: {args.workers} sync workers; cache: "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'files shared by the workers'}\n"
    )
    print(table(results))
    print("\nTargets:")
    print(targets(results))


if __name__ == "__main__":
    main()
