"""`make backup` / `make restore`: the demo site survives a round trip through an archive."""

import re
import tarfile
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def snapshot(client):
    """Every live page as a visitor gets it (CSRF tokens differ per request)."""
    pages = {}
    for page in Page.objects.live().public().specific().exclude(depth=1):
        response = client.get(page.url)
        pages[page.url] = (response.status_code, CSRF_TOKEN.sub(b"", response.content))
    return pages


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {path.relative_to(root): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_round_trip_brings_back_every_page_and_file(demo_site, client, tmp_path):
    wagtail_factories.ImageFactory(title="Cluster logo")
    wagtail_factories.DocumentFactory(title="Final report")
    before, files = snapshot(client), media_files()
    assert len(before) > 40 and all(status == 200 for status, _ in before.values())
    assert len(files) >= 2

    call_command("backup_site", directory=tmp_path / "backups")
    (archive,) = (tmp_path / "backups").glob("intranet-*.tar.gz")
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "media"} <= set(tar.getnames())

    # Lose content and files after the backup.
    Page.objects.filter(depth=3).first().delete()
    lost = next(iter(files))
    (Path(settings.MEDIA_ROOT) / lost).unlink()
    Page.objects.filter(depth=2).update(title="Vandalised")
    assert snapshot(client) != before

    call_command("restore_site", str(archive), "--no-input")

    assert snapshot(client) == before
    assert media_files() == files


def test_restore_refuses_what_is_not_a_backup(tmp_path, db):
    with pytest.raises(CommandError, match="No such backup"):
        call_command("restore_site", str(tmp_path / "missing.tar.gz"), "--no-input")
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        (tmp_path / "notes.txt").write_text("not a backup")
        tar.add(tmp_path / "notes.txt", arcname="notes.txt")
    with pytest.raises(CommandError, match="not a backup of this site"):
        call_command("restore_site", str(other), "--no-input")
