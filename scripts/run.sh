#!/usr/bin/env bash
# `make run`'s server: runserver and, beside it, the scheduled jobs (publish_scheduled every
# minute, mail, digests, purge: manage.py run_scheduled_jobs). Ctrl-C stops both.
# Arguments go to runserver (the address, e.g. 127.0.0.1:8000).
set -euo pipefail

PY=${PY:-.venv/bin/python}
"$PY" manage.py run_scheduled_jobs &
jobs=$!
# A background process of a script ignores Ctrl-C: it is stopped here when the server stops.
trap 'kill -TERM "$jobs" 2>/dev/null || true; wait "$jobs" 2>/dev/null || true' EXIT
"$PY" manage.py runserver "$@"
