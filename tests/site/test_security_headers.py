"""Security headers on what visitors and staff get."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/clusters/", "/api/v2/pages/", "/sitemap.xml"])
def test_public_responses_carry_a_strict_policy_and_the_usual_headers(client, cluster_index, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy + ";"
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_policy_allows_inline_code_but_no_other_host(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline';" in policy
    assert "https:" not in policy.split("script-src")[1].split(";")[0]
    assert "connect-src 'self'" in policy
    assert "frame-ancestors 'self'" in policy  # Wagtail's previews


def test_previews_may_be_framed_by_the_admin(admin_client, cluster_index):
    response = admin_client.get(f"/admin/pages/{cluster_index.pk}/edit/preview/?mode=")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_site_pages_have_no_inline_styles_or_scripts(client, cluster_index):
    html = client.get(cluster_index.url).content.decode()
    assert " style=" not in html
    assert "<script>" not in html
