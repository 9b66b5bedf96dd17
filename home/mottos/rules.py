"""Rules of the family-motto gallery as pure functions: couplet checks, the tone hint
and how a family is shown (PIPL)."""

import unicodedata

from django.utils.translation import gettext as _

from home.mottos.choices import FamilyDisplay

COUPLET_MIN, COUPLET_MAX = 4, 15
HORIZONTAL_MIN, HORIZONTAL_MAX = 2, 8


def is_han(char):
    """A Chinese character (CJK unified ideographs and their extensions)."""
    return unicodedata.category(char) == "Lo" and unicodedata.name(char, "").startswith(
        "CJK UNIFIED IDEOGRAPH"
    )


def is_punctuation_or_space(char):
    return unicodedata.category(char)[0] in ("P", "Z") or char.isspace()


def han_characters(line):
    """The characters of a couplet line that count: the line without punctuation and
    spaces (，。、；！？ and the like)."""
    return "".join(char for char in line if not is_punctuation_or_space(char))


def couplet_errors(upper, lower):
    """Why a couplet's two lines cannot stand as a pair, as messages (empty: they can).

    The lines of a couplet (上联, 下联) match character for character, so they must have
    the same number of characters, 4 to 15, counted without punctuation; and they are
    plain Chinese text: no letters, digits or markup.
    """
    errors = []
    for label, line in ((_("First line (上联)"), upper), (_("Second line (下联)"), lower)):
        chars = han_characters(line)
        if not all(is_han(char) for char in chars):
            errors.append(
                _("%(line)s may contain only Chinese characters and punctuation.") % {"line": label}
            )
        elif not COUPLET_MIN <= len(chars) <= COUPLET_MAX:
            errors.append(
                _("%(line)s has %(count)d characters; a couplet line has %(min)d to %(max)d.")
                % {"line": label, "count": len(chars), "min": COUPLET_MIN, "max": COUPLET_MAX}
            )
    if not errors and len(han_characters(upper)) != len(han_characters(lower)):
        errors.append(
            _(
                "The two lines must have the same number of characters: the first line has "
                "%(upper)d, the second line %(lower)d (punctuation not counted)."
            )
            % {"upper": len(han_characters(upper)), "lower": len(han_characters(lower))}
        )
    return errors


def horizontal_errors(horizontal):
    """The horizontal scroll (横批) is a short phrase of 2 to 8 Chinese characters."""
    chars = han_characters(horizontal)
    if not chars or not all(is_han(char) for char in chars):
        return [_("The horizontal scroll (横批) may contain only Chinese characters.")]
    if not HORIZONTAL_MIN <= len(chars) <= HORIZONTAL_MAX:
        return [
            _("The horizontal scroll (横批) has %(min)d to %(max)d characters.")
            % {"min": HORIZONTAL_MIN, "max": HORIZONTAL_MAX}
        ]
    return []


def tone_class(tone):
    """平 (level) for the first and second tones of Mandarin, 仄 (oblique) for the third
    and fourth; the neutral tone (0 or 5) is neither."""
    if tone in (1, 2):
        return "平"
    if tone in (3, 4):
        return "仄"
    return None


def last_tone_classes(line):
    """The tone classes (平, 仄) a line's last character can be read in, from pypinyin.
    A character with several readings (长 cháng / zhǎng) may have both."""
    from pypinyin import Style, pinyin

    chars = han_characters(line)
    if not chars:
        return set()
    readings = pinyin(chars[-1], style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
    tones = {int(r[-1]) for r in readings[0] if r[-1:].isdigit()}
    return {tone_class(tone) for tone in tones} - {None}


def tone_hint(upper, lower):
    """A hint for the editor, never a refusal: by custom the first line (上联) ends on an
    oblique tone (仄) and the second (下联) on a level tone (平), which is also how one
    tells which line hangs on the right. Returns "" when the pattern can hold (any
    reading of a character with several counts)."""
    upper_classes, lower_classes = last_tone_classes(upper), last_tone_classes(lower)
    if "仄" in upper_classes and "平" in lower_classes:
        return ""
    if upper_classes == {"平"} and lower_classes == {"仄"}:
        return _(
            "The first line ends on a level tone (平) and the second on an oblique tone (仄): "
            "the lines may be swapped."
        )
    return _(
        "By custom the first line ends on an oblique tone (仄) and the second on a level "
        "tone (平); here they end on %(upper)s and %(lower)s."
    ) % {
        "upper": "/".join(sorted(upper_classes)) or "—",
        "lower": "/".join(sorted(lower_classes)) or "—",
    }


def needs_consent(display):
    """Showing a family name (with or without its building) identifies a household, so
    it needs the family's explicit, recorded consent (PIPL Art. 13–14)."""
    return display != FamilyDisplay.ANONYMOUS


def shown_family(display, family_name, building_name, consented):
    """What the gallery shows for the family: "林家 · 3号楼", "林家", or "一户居民".

    Without recorded consent, or without a family name, it is always "一户居民",
    whatever was chosen; the building is shown only beside a consented family name.
    """
    family_name = (family_name or "").strip()
    if not consented or not family_name or not needs_consent(display):
        return _("A resident household")
    if display == FamilyDisplay.FAMILY_AND_BUILDING and building_name:
        return f"{family_name} · {building_name}"
    return family_name
