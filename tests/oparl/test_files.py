"""Files (spec 2.7): accessUrl shows the PDF, downloadUrl downloads it; neither can run script in our origin."""

import pytest

from tests.factories import make_dokument, make_sitzung
from tests.oparl.conftest import API, path_of

pytestmark = pytest.mark.django_db


def test_access_and_download_urls_answer_as_the_spec_and_our_sandbox_require(client, get):
    dokument = make_dokument(sitzung=make_sitzung(), name="Einladung", art="einladung")
    data = get(f"{API}file/{dokument.pk}")
    assert data["fileName"] == dokument.dateiname and data["mimeType"] == "application/pdf"
    assert data["size"] == dokument.groesse > 0 and len(data["sha512Checksum"]) == 128

    shown = client.get(path_of(data["accessUrl"]))
    assert shown.status_code == 200 and "Content-Disposition" not in shown
    download = client.get(path_of(data["downloadUrl"]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert f'filename="{dokument.dateiname}"' in download["Content-Disposition"]
    for response in (shown, download):
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_file_embedded_in_its_meeting_has_no_back_reference_and_no_text(get):
    sitzung = make_sitzung()
    dokument = make_dokument(sitzung=sitzung, art="einladung")
    invitation = get(f"{API}meeting/{sitzung.pk}")["invitation"]
    assert invitation["accessUrl"] and invitation["downloadUrl"]
    assert "meeting" not in invitation and "text" not in invitation
    assert get(f"{API}file/{dokument.pk}")["meeting"] == [get(f"{API}meeting/{sitzung.pk}")["id"]]
