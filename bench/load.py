"""``python -m bench.load`` (``make load``): a bounded load test of the demo site.

16 visitors for 60 s (``--connections``, ``--duration``) browse pages, filter the directory,
search, read the API, open and post the registration and contact forms, against gunicorn with
production settings and the page cache, on loopback (wrk from Debian's packages with
bench/load.lua). ``make load`` runs it against PostgreSQL and Redis (scripts/with-services.sh),
so the gunicorn workers share the forms' rate limits as on a real deployment.

Prints requests, failures, server errors, p50 and p99 and what the forms stored, and exits
non-zero unless there was no failed request, no server error, and the rate limits held:
everything comes from 127.0.0.1, so at most REGISTRATION_RATE_LIMIT registrations and
CONTACT_RATE_LIMIT contact requests may be stored; the other posts must get 429.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from .__main__ import ROOT, WORK, environment, server

DEMO_VERSION = 1
SEARCH_TERMS = ["wind", "logistik", "Energie", "food", "cluster", "maritime", "ærø", "<b>"]
REGISTRATION = {
    "street": "Forskerparken 10",
    "postcode": "5230",
    "city": "Odense",
    "country": "DK",
    "website": "https://load.example",
    "contact_name": "Load Test",
    "contact_title": "Manager",
    "contact_email": "load@example.com",
    "contact_phone": "+45 20 35 32 55",
    "founded_year": "2011",
    "members_count": "85",
    "focus_areas": "Robotics",
    "consent": "on",
    "fax": "",
}
CONTACT = {
    "name": "Load Test",
    "organisation": "Load ApS",
    "email": "load@example.com",
    "message": "Can we talk?",
    "consent": "on",
    "fax": "",
}
COUNT_STORED = (
    "from clusterdirectory.models import ClusterRegistration, ContactRequest; "
    "print(ClusterRegistration.objects.count(), ContactRequest.objects.count())"
)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--duration", type=int, default=60, help="seconds (60)")
    parser.add_argument("--connections", type=int, default=16, help="visitors at once (16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    return parser.parse_args(argv)


def demo_database():
    """The demo site in a database of its own, built once (PostgreSQL beside DATABASE_URL,
    else SQLite in .bench/)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        server_url, name = url.rsplit("/", 1)[0], f"intranet_load_v{DEMO_VERSION}"
        with psycopg.connect(server_url + "/postgres", autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')
        database = f"{server_url}/{name}"
    else:
        WORK.mkdir(exist_ok=True)
        database = f"sqlite:///{WORK / f'load-demo-v{DEMO_VERSION}.sqlite3'}"
    env = environment(database)
    for command in (
        ["migrate", "--no-input", "--verbosity", "0"],
        ["load_demo_content"],
        ["collectstatic", "--no-input", "--verbosity", "0"],  # hashed names, as served
    ):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command],
            env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return database


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
        return response.read().decode()


def urls(base):
    """What the visitors ask for, found the way a crawler would."""
    sitemap = fetch(base + "/sitemap.xml")
    pages = sorted({urllib.parse.urlsplit(u).path for u in re.findall(r"<loc>([^<]+)", sitemap)})
    indexes, clusters = api_paths(base, "ClusterIndexPage"), api_paths(base, "ClusterPage")
    clusters = [c for c in clusters if answers(base + c + "contact/")]  # those with a contact
    tags = [tag["slug"] for tag in json.loads(fetch(base + "/api/v2/industries/"))["items"]]
    rng = random.Random(7)
    filters = []
    for _ in range(200):
        query = [("tag", tag) for tag in rng.sample(tags, rng.choice([1, 1, 2]))]
        if rng.random() < 0.5:
            query.append(("country", rng.choice(["DE", "DK"])))
        filters.append(rng.choice(indexes) + "?" + urllib.parse.urlencode(query))
    return {
        "pages": pages,
        "filters": filters,
        "searches": [
            f"/{lang}/search/?q={urllib.parse.quote_plus(term)}"
            for lang in ("en", "da", "de")
            for term in SEARCH_TERMS
        ],
        "api": [
            "/api/v3/clusters/?locale=en&facets=industry,country",
            *(f"/api/v2/pages/?type=clusterdirectory.ClusterPage&industry={t}" for t in tags),
            "/api/v2/pages/?type=clusterdirectory.EventPage&upcoming=true",
            "/api/v2/industries/?locale=de",
        ],
        "forms": [i + "register/" for i in indexes] + [c + "contact/" for c in clusters],
        "register": [i + "register/" for i in indexes],
        "contact_urls": [c + "contact/" for c in clusters],
        "registration": encoded(REGISTRATION | {"industries": tags[0]}),
        "contact": encoded(CONTACT),
    }


def answers(url):
    try:
        fetch(url)
    except urllib.error.HTTPError:
        return False
    return True


def api_paths(base, page_type):
    paths = []
    for locale in ("en", "da", "de"):
        listing = json.loads(
            fetch(
                f"{base}/api/v2/pages/?type=clusterdirectory.{page_type}&locale={locale}"
                "&fields=-title&limit=100"
            )
        )
        paths += [urllib.parse.urlsplit(item["meta"]["html_url"]).path for item in listing["items"]]
    return paths


def preflight(base, data):
    """Every URL the visitors will ask for answers 200 before the load starts."""
    broken = []
    for key in ("pages", "filters", "searches", "api", "forms"):
        for path in sorted(set(data[key])):
            try:
                fetch(base + path)
            except urllib.error.HTTPError as error:
                broken.append(f"{error.code} {path}")
    if broken:
        raise SystemExit("These URLs do not answer 200:\n" + "\n".join(broken))


def encoded(fields):
    return {key: urllib.parse.quote_plus(value) for key, value in fields.items()}


def lua_table(value):
    if isinstance(value, dict):
        return "{" + ", ".join(f'["{k}"] = {lua_table(v)}' for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ", ".join(lua_table(v) for v in value) + "}"
    return json.dumps(value)  # a JSON string is a valid Lua string for these ASCII paths


def stored(database):
    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", COUNT_STORED],
        env=environment(database), cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    registrations, contacts = output.split()[-2:]
    return int(registrations), int(contacts)


def limit(name):
    return int(os.environ.get(name, "5/h").split("/")[0])


def main(argv=None):
    args = parse_args(argv)
    print("Building the demo database...", file=sys.stderr, flush=True)
    database = demo_database()
    before = stored(database)
    with server(database, args.workers, page_cache=True) as base:
        WORK.mkdir(exist_ok=True)
        data_file = WORK / "load_data.lua"
        data = urls(base)
        preflight(base, data)
        data_file.write_text("return " + lua_table(data) + "\n")
        print(f"{args.connections} visitors for {args.duration} s...", file=sys.stderr, flush=True)
        out = subprocess.run(  # noqa: S603
            [shutil.which("wrk") or "wrk", "--threads=2", f"--connections={args.connections}",
             f"--duration={args.duration}s", "--timeout=30s",
             f"--script={ROOT / 'bench' / 'load.lua'}", base],
            env={**os.environ, "LOAD_DATA": str(data_file)},
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    result = json.loads(out.split("LOAD-RESULT ", 1)[1])
    after = stored(database)
    registrations, contacts = after[0] - before[0], after[1] - before[1]
    statuses = {int(k): v for k, v in result["statuses"].items()}
    server_errors = sum(v for k, v in statuses.items() if k >= 500)
    unexpected = sum(v for k, v in statuses.items() if k >= 400 and k != 429)
    failures = result["socket_errors"] + unexpected
    held = registrations <= limit("REGISTRATION_RATE_LIMIT") and contacts <= limit(
        "CONTACT_RATE_LIMIT"
    )
    per_second = result["requests"] / (result["duration_us"] / 1e6)
    print(f"requests          {result['requests']:,} ({per_second:.0f}/s)")
    print(f"failed requests   {failures} (socket errors {result['socket_errors']})")
    print(f"server errors     {server_errors}")
    print(f"p50 / p99         {result['p50_ms']:.1f} ms / {result['p99_ms']:.1f} ms")
    print(f"statuses          {dict(sorted(statuses.items()))}")
    print(f"stored            {registrations} registrations, {contacts} contact requests "
          f"({statuses.get(429, 0)} posts refused with 429)")  # fmt: skip
    print(f"rate limits held  {'yes' if held else 'NO'}")
    return 0 if failures == 0 and server_errors == 0 and held else 1


if __name__ == "__main__":
    sys.exit(main())
