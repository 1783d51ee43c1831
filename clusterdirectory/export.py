"""The cluster directory as open data: ``<index>/export.csv`` and ``<index>/export.json``.

Only the live, public clusters of one index (so one language), and only what a cluster agreed
to publish on its profile: the contact e-mail only where "Show e-mail on the profile" is ticked,
never the logo or the editors' partner links. Tag and country names are in the index's
language; slugs and country codes stay language neutral.

The licence: the JSON has a top-level ``licence`` object. The CSV carries it in the columns
``licence`` and ``licence_url`` of every row, so that the header stays the first line for
spreadsheets and CSV readers, every row stays a cluster, and the licence survives sorting,
filtering and copying rows; both answers also send it as ``Link: <url>; rel="license"``.

CSV cells are neutralised against formula injection (OWASP): a text starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``. The file is UTF-8 with a
byte order mark, which Excel needs to read it as UTF-8.

Every query here runs once per export, whatever the number of clusters.
"""

import csv
import html
import io
import re

from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

from .collation import sort_key
from .spreadsheets import neutralise
from .taxonomy.filters import through_model
from .taxonomy.models import industry_names
from .text import plain_text

# Lists in one CSV cell: tags never contain ";", services are free text and go one per line.
TAG_SEPARATOR = "; "
SERVICE_SEPARATOR = "\n"
CSV_COLUMNS = [
    "name",
    "url",
    "street",
    "po_box",
    "postcode",
    "city",
    "country",
    "country_name",
    "website",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
    "founded_year",
    "founded_note",
    "members_count",
    "members_description",
    "industries",
    "industry_names",
    "focus_areas",
    "services",
    "description",
    "licence",
    "licence_url",
]
BLOCK_ENDS = re.compile(r"(</(?:p|h\d|li|blockquote)>|<br\s*/?>)", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n+")


def rich_text_to_plain(value):
    """Rich text as plain text: one line per paragraph, heading or list item."""
    text = html.unescape(plain_text(BLOCK_ENDS.sub(r"\1\n", value or "")))
    return BLANK_LINES.sub("\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def licence(index_page):
    return {
        "name": index_page.open_data_licence or None,
        "url": index_page.open_data_licence_url or None,
    }


def cluster_records(index_page, request=None):
    """What the export holds about each live, public cluster of ``index_page``, by name."""
    clusters = index_page.clusters()
    tagged = through_model(clusters.model).objects.select_related("tag")
    clusters = clusters.select_related("locale").prefetch_related(
        Prefetch("tagged_items", queryset=tagged)
    )
    names = industry_names(locale=index_page.locale_id)
    records = []
    with translation.override(index_page.locale.language_code):
        for cluster in clusters:
            tags = sorted(
                (
                    {"slug": item.tag.slug, "name": names.get(item.tag_id, item.tag.name)}
                    for item in cluster.tagged_items.all()
                ),
                key=lambda tag: sort_key(tag["name"]),
            )
            records.append(
                {
                    "name": cluster.title,
                    "url": cluster.get_full_url(request),
                    "address": {
                        "street": cluster.street,
                        "po_box": cluster.po_box,
                        "postcode": cluster.postcode,
                        "city": cluster.city,
                        "country": cluster.country,
                        "country_name": str(cluster.get_country_display()),
                    },
                    "website": cluster.website,
                    "contact": {
                        "name": cluster.contact_name,
                        "job_title": cluster.contact_title,
                        # Published only with the cluster's consent.
                        "email": cluster.contact_email if cluster.show_contact_email else None,
                        "phone": cluster.contact_phone,
                    },
                    "founded_year": cluster.founded_year,
                    "founded_note": cluster.founded_note,
                    "members_count": cluster.members_count,
                    "members_description": cluster.members_description,
                    "industries": tags,
                    "focus_areas": cluster.focus_areas,
                    "services": [str(block.value) for block in cluster.services],
                    "description": rich_text_to_plain(cluster.description),
                }
            )
    return records


def csv_row(record, licence_info):
    address, contact = record["address"], record["contact"]
    return {
        "name": record["name"],
        "url": record["url"],
        **{key: address[key] for key in ("street", "po_box", "postcode", "city")},
        "country": address["country"],
        "country_name": address["country_name"],
        "website": record["website"],
        "contact_name": contact["name"],
        "contact_title": contact["job_title"],
        "contact_email": contact["email"] or "",
        "contact_phone": contact["phone"],
        "founded_year": record["founded_year"],
        "founded_note": record["founded_note"],
        "members_count": record["members_count"],
        "members_description": record["members_description"],
        "industries": TAG_SEPARATOR.join(tag["slug"] for tag in record["industries"]),
        "industry_names": TAG_SEPARATOR.join(tag["name"] for tag in record["industries"]),
        "focus_areas": record["focus_areas"],
        "services": SERVICE_SEPARATOR.join(record["services"]),
        "description": record["description"],
        "licence": licence_info["name"] or "",
        "licence_url": licence_info["url"] or "",
    }


def export_filename(index_page, extension):
    return f"{index_page.slug}-{index_page.locale.language_code}.{extension}"


def licence_link(response, licence_info):
    if licence_info["url"]:
        response["Link"] = f'<{licence_info["url"]}>; rel="license"'
    return response


def csv_export(index_page, request):
    licence_info = licence(index_page)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)  # quotes as RFC 4180 needs
    writer.writeheader()
    for record in cluster_records(index_page, request):
        row = csv_row(record, licence_info)
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, export_filename(index_page, "csv")
    )
    return licence_link(response, licence_info)


def json_export(index_page, request):
    licence_info = licence(index_page)
    data = {
        "licence": licence_info,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "language": index_page.locale.language_code,
        "source": index_page.get_full_url(request),
        "clusters": cluster_records(index_page, request),
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = content_disposition_header(
        False, export_filename(index_page, "json")
    )
    return licence_link(response, licence_info)
