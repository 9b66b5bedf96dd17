import pytest
from django.core.management import call_command

from home.notices.models import NoticeIndexPage
from home.pages import HomePage
from tests.factories.pages import NoticePageFactory, StandardPageFactory, days_ago, paragraph
from tests.search.corpus import NOTICES, PAGES


def body(paragraphs):
    return [block for text in paragraphs for block in paragraph(text)]


def add_corpus():
    """Publish the extra notices and pages of ``corpus`` into the demo site."""
    index = NoticeIndexPage.objects.get()
    home = HomePage.objects.get()
    for age, (slug, title, summary, paragraphs) in enumerate(NOTICES, start=3):
        notice = NoticePageFactory(
            parent=index,
            title=title,
            summary=summary,
            body=body(paragraphs),
            published=days_ago(age),
        )
        notice.slug = slug
        notice.save_revision().publish()
    for slug, title, intro, paragraphs in PAGES:
        StandardPageFactory(
            parent=home, title=title, slug=slug, intro=f"<p>{intro}</p>", body=body(paragraphs)
        )


@pytest.fixture
def community(db, settings, tmp_path, monkeypatch):
    """The demo community plus ``corpus``: 67 notices (three expired) and five pages."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("LINLI_EDITOR_PASSWORD", "demo-pass-for-tests")
    call_command("load_demo_community", quiet=True, no_credentials=True)
    add_corpus()
