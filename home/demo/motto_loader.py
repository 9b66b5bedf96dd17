"""Loads the demo's family mottos (``home.demo.mottos``) under the gallery at /mottos/.

Idempotent: mottos are looked up by title, the gallery by its slug, the calligraphy
pictures by their title. The pictures are drawn with Pillow: red paper, and the
characters in a Chinese font if the system has one (none is downloaded), else
brush-like strokes.
"""

import datetime
from io import BytesIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

from home.demo import mottos as data
from home.mottos.choices import MottoKind
from home.mottos.models import FamilyMotto, MottoGalleryPage, MottoTheme
from home.mottos.submissions import start_moderation
from home.mottos.workflow import ensure_motto_workflow

FONTS = [
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]
THEMES = [
    ("红色经典", "red-classics"),
    ("传统文化", "tradition"),
    ("勤俭持家", "thrift"),
    ("孝老爱亲", "filial-piety"),
    ("邻里和睦", "good-neighbours"),
    ("耕读传家", "study"),
]
PENDING_RESIDENT = "wangfang"


def _font(size):
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None


def draw_calligraphy(text):
    """A 横批-like strip on red paper with gold edging, the characters in black ink."""
    width, height = 960, 360
    image = PillowImage.new("RGB", (width, height), (178, 24, 32))
    draw = ImageDraw.Draw(image)
    draw.rectangle((16, 16, width - 16, height - 16), outline=(212, 160, 23), width=8)
    font = _font(200 if len(text) <= 4 else 150)
    step = (width - 120) // len(text)
    for i, char in enumerate(text):
        x = 60 + i * step + step // 2
        if font is not None:
            draw.text((x, height // 2), char, font=font, fill=(20, 10, 10), anchor="mm")
        else:
            for j in range(3):
                draw.line((x - 50, 110 + j * 60, x + 50, 130 + j * 60), fill=(20, 10, 10), width=18)
            draw.line((x, 90, x - 10, 280), fill=(20, 10, 10), width=16)
    return image


def _photo(text):
    title = f"书法：{text}"
    image = Image.objects.filter(title=title).order_by("pk").first()
    if image is None:
        buffer = BytesIO()
        draw_calligraphy(text).save(buffer, "JPEG", quality=85)
        image = Image(title=title, file=ImageFile(buffer, name="demo-calligraphy.jpg"))
        image._set_image_file_metadata()
        image.save()
    return image


def ensure_gallery(home, user):
    from home.demo.pages import publish_child

    gallery = MottoGalleryPage.objects.first()
    if gallery is None:
        gallery = MottoGalleryPage(
            title="家风家训",
            slug="mottos",
            show_in_menus=True,
            intro="<p>一家一户的家训、家风和门上的对联。欢迎已认证的居民分享您家的家风家训，"
            "居委会审核后展示。</p>",
        )
        publish_child(home, gallery, user, timezone.now() - datetime.timedelta(days=120))
    return gallery


def _entries():
    for theme, (
        upper,
        lower,
        horizontal,
    ), family, display, building, featured, story in data.COUPLETS:
        yield (
            {
                "kind": MottoKind.COUPLET,
                "title": horizontal,
                "upper_line": upper,
                "lower_line": lower,
                "horizontal": horizontal,
            },
            theme,
            family,
            display,
            building,
            featured,
            story,
        )
    for theme, text, family, display, building, featured, story in data.PROSE:
        title = text.split("，")[0].split("（")[0][:20]
        yield (
            {"kind": MottoKind.PROSE, "title": title, "text": text},
            theme,
            family,
            display,
            (building),
            featured,
            story,
        )
    for theme, text in data.PHRASES:
        yield (
            {"kind": MottoKind.PHRASE, "title": text, "text": text},
            theme,
            "",
            "anonymous",
            (None),
            False,
            "",
        )


def load_mottos(home, user, buildings):
    """Make the gallery and whatever demo mottos are missing (``buildings``: {number:
    Building}); returns the gallery and how many mottos were made."""
    ensure_motto_workflow()
    for order, (name, slug) in enumerate(THEMES):
        MottoTheme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    themes = {theme.slug: theme for theme in MottoTheme.objects.all()}
    gallery = ensure_gallery(home, user)
    existing = set(FamilyMotto.objects.values_list("title", flat=True))
    made = 0
    now = timezone.now()
    for i, (fields, theme, family, display, building, featured, story) in enumerate(_entries()):
        if fields["title"] in existing:
            continue
        motto = FamilyMotto(
            **fields,
            theme=themes[theme],
            family_name=family,
            family_display=display,
            building=buildings.get(building) if building else None,
            consent_at=now if display != "anonymous" else None,
            featured=featured,
            story=story,
            live=False,
        )
        if fields["kind"] == MottoKind.COUPLET and fields["horizontal"] in data.PHOTOGRAPHED:
            motto.image = _photo(fields["horizontal"])
        motto.save()
        motto.save_revision(user=user).publish(user=user)
        when = now - datetime.timedelta(days=90 - i * 2)
        FamilyMotto.objects.filter(pk=motto.pk).update(
            first_published_at=when, last_published_at=when
        )
        made += 1
    made += _pending(themes)
    return gallery, made


def _pending(themes):
    """One couplet from the demo resident, waiting for the committee's approval."""
    theme, (upper, lower, horizontal) = data.PENDING
    resident = get_user_model().objects.filter(username=PENDING_RESIDENT).first()
    if resident is None or FamilyMotto.objects.filter(title=horizontal).exists():
        return 0
    unit = getattr(getattr(resident, "resident", None), "unit", None)
    motto = FamilyMotto.objects.create(
        kind=MottoKind.COUPLET,
        title=horizontal,
        upper_line=upper,
        lower_line=lower,
        horizontal=horizontal,
        theme=themes[theme],
        family_name="王家",
        family_display="family",
        consent_at=timezone.now(),
        consent_by=resident,
        household=unit,
        submitted_by=resident,
        story="婆婆八十大寿时，全家一起写的对联。",
        live=False,
    )
    start_moderation(motto, resident)
    return 1


def summary():
    mottos = FamilyMotto.objects.all()
    return (
        f"Family mottos: {mottos.filter(live=True).count()} in the gallery (/mottos/), "
        f"{mottos.filter(live=False).count()} waiting for approval (admin: 家风家训)."
    )
