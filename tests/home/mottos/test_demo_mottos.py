"""The demo community's family mottos: 30+ across every theme and kind, couplets with
calligraphy pictures, one waiting for approval; loading again adds nothing."""

from django.core.management import call_command

from home.mottos.choices import MottoKind
from home.mottos.models import FamilyMotto, MottoTheme


def test_the_demo_gallery_is_full_and_loading_again_adds_nothing(
    db, settings, tmp_path, monkeypatch, client
):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("LINLI_EDITOR_PASSWORD", "demo-pass-for-tests")
    call_command("load_demo_community", quiet=True, no_credentials=True)

    live = FamilyMotto.objects.public()
    assert live.count() >= 30
    assert set(live.values_list("kind", flat=True)) == set(MottoKind.values)
    assert set(live.values_list("theme", flat=True)) == set(
        MottoTheme.objects.values_list("pk", flat=True)
    )
    assert live.filter(kind=MottoKind.COUPLET, image__isnull=False).count() >= 3
    pending = FamilyMotto.objects.get(live=False)
    assert pending.current_workflow_state.status == "in_progress"
    assert pending.submitted_by.username == "wangfang"
    response = client.get("/mottos/")
    assert response.status_code == 200
    assert "忠厚传家久" in response.content.decode()

    before = FamilyMotto.objects.count()
    call_command("load_demo_community", quiet=True, no_credentials=True)
    assert FamilyMotto.objects.count() == before
