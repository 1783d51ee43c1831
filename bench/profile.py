"""``python -m bench.profile ROW [--size N]``: where the time of one benchmark row goes.

Requests the row's URL in this process through Django's test client, against the database
that ``python -m bench`` built for that size (run it once first), with the page cache off
unless ``--cached``; prints milliseconds and queries per request, then pyinstrument's call
tree. ROW is one of the benchmark's URL keys (index, filtered, cluster, api, cold) or a path;
``cold`` follows a content change with a new filter at every request, as its row does.
"""

import argparse
import itertools
import json
import os
import sys
import time

from .__main__ import ROOT, WORK, database_url, urls_file_of


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("row", help="index, filtered, cluster, api, cold or a path")
    parser.add_argument("--size", type=int, default=3000, help="clusters per language (3000)")
    parser.add_argument("--requests", type=int, default=50, help="requests to time (50)")
    parser.add_argument("--cached", action="store_true", help="with the page cache on")
    parser.add_argument("--after-change", action="store_true", help="a content change first")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    urls_file = urls_file_of(args.size)
    if not urls_file.exists():
        sys.exit(f"No data for {args.size} clusters: run `python -m bench --sizes {args.size}`.")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.bench",
        BENCH_DATABASE_URL=database_url(args.size),
        PAGE_CACHE_ENABLED="1" if args.cached else "0",
        CACHE_DIR=str(WORK / f"cache-profile-{args.size}"),
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)  # kept data, newer code
    call_command("collectstatic", interactive=False, verbosity=0)  # as the benchmark serves it
    from django.test import Client
    from pyinstrument import Profiler

    from .urls import change

    found = json.loads(urls_file.read_text()).get(args.row, args.row)
    urls = itertools.cycle(found if isinstance(found, list) else [found])
    client = Client(HTTP_HOST="127.0.0.1")

    def request():
        if args.after_change:
            change(None)
        return client.get(next(urls))

    for _ in range(5):  # fills the caches and Django's own lookups
        response = request()
    if args.row == "cold":
        change(None)
        response = request()
    if response.status_code != 200:
        sys.exit(f"{response.request['PATH_INFO']} answered {response.status_code}")
    started = time.perf_counter()
    for _ in range(args.requests):
        request()
    plain = (time.perf_counter() - started) / args.requests * 1000
    print(f"{args.row}: {plain:.2f} ms per request")
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            response = request()
    elapsed = (time.perf_counter() - started) / args.requests * 1000
    print(f"{args.row}: {elapsed:.2f} ms per request (profiled), {response['X-Queries']} queries")
    print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
