#!/usr/bin/env bash
# Serves the site with production settings: migrations, static files collected (compressed,
# hashed), then gunicorn on loopback behind your proxy. Configured by the environment only;
# see docs/deployment.md. PORT (8000) and WEB_CONCURRENCY (2 workers) are optional.
set -euo pipefail

PY=${PY:-.venv/bin/python}
missing=()
for name in SECRET_KEY ALLOWED_HOSTS; do
    if [ -z "${!name:-}" ]; then missing+=("$name"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "make serve: set ${missing[*]} in the environment (see docs/deployment.md)." >&2
    echo "  e.g. SECRET_KEY=\$(openssl rand -hex 32) ALLOWED_HOSTS=www.example.org make serve" >&2
    exit 2
fi
if [ -z "${DATABASE_URL:-}" ]; then
    echo "make serve: no DATABASE_URL, using SQLite (db.sqlite3): fine for one machine only." >&2
fi

export DJANGO_SETTINGS_MODULE=cms.settings.production
"$PY" manage.py migrate --no-input --verbosity 0
"$PY" manage.py collectstatic --no-input --verbosity 0
exec "$PY" -m gunicorn cms.wsgi:application \
    --bind "127.0.0.1:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --access-logfile - \
    --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"
