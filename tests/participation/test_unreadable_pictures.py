"""Issue 10, item 10: a picture cut short is a 400 with a Chinese message, not a 500.

Django's ``ImageField`` reads only a JPEG's header; a photo whose upload broke off on a
mobile connection passed it and raised ``OSError`` later (Wagtail's pixel check on a
proposal's picture; re-encoding a report's photo)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation.consultations.models import Proposal
from participation.reports.models import Report
from tests.factories.households import verified_resident

FORMS = {
    "proposal": (
        "/consultations/new/",
        {"title": "楼道灯坏了要换", "body": "楼道灯坏了很久了，晚上很黑。", "category": "elderly"},
        "image_1",
        Proposal,
    ),
    "report": (
        "/reports/new/",
        {"category": "lift", "place": "2单元电梯", "description": "电梯按钮坏了，按了没反应。"},
        "photo_1",
        Report,
    ),
}


def jpeg():
    out = io.BytesIO()
    Image.effect_noise((256, 256), 64).convert("RGB").save(out, "JPEG")
    return out.getvalue()


CUT_SHORT = {"in its header": jpeg()[:300], "in its data": jpeg()[:-4000]}


@pytest.mark.parametrize("where", sorted(CUT_SHORT))
@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_picture_cut_short_is_refused_with_a_message_and_saves_nothing(client, db, form, where):
    url, data, field, model = FORMS[form]
    client.force_login(verified_resident().user)
    before = model.objects.count()
    upload = SimpleUploadedFile("photo.jpg", CUT_SHORT[where], content_type="image/jpeg")
    response = client.post(url, {**data, field: upload})
    assert response.status_code == 400
    assert "无法识别这张照片" in response.content.decode()
    assert model.objects.count() == before


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_whole_picture_is_still_accepted(client, db, form):
    url, data, field, model = FORMS[form]
    client.force_login(verified_resident().user)
    upload = SimpleUploadedFile("photo.jpg", jpeg(), content_type="image/jpeg")
    assert client.post(url, {**data, field: upload}).status_code == 302
    assert model.objects.count() == 1
