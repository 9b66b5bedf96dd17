"""No URL of the site answers malformed input with a 5xx or a new row.

Walks every URL pattern (Django's resolver), fills path parameters from a small site
(a notice, a vote, a proposal with comments, a report that is done, an opportunity
with shifts and a sign-up, a certificate, an event calendar with an event, a motto
gallery with a motto and a submission, a verified resident, committee staff), and
sends each URL malformed values: NUL, bytes that are not UTF-8, overlong text, Unicode
digits, wrong types, duplicated parameters, wrong methods and a non-UTF-8 form
charset. Pages of the site's own code (and allauth's) get every value in every query
parameter they use and every field of every form they show; forms with a file input
get the same again as multipart bodies, plus files that are not what they claim.
Wagtail's own admin gets the cheap checks only (its forms save drafts and revisions
for almost any input). As an anonymous visitor, a verified resident (walked fully
wherever a form needs one: consultations, reports, volunteering, mottos) and
committee staff; on SQLite and PostgreSQL alike (each request runs in a savepoint, so
one database error cannot hide the next).
"""

import io
import re
import struct
import zlib
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, unquote_to_bytes, urlsplit

import pytest
from django import urls
from django.db import connection, transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from PIL import Image

from participation import roles
from participation.households.models import Owner
from participation.reports import loop
from participation.reports.choices import Handler
from participation.residents.choices import Relation
from participation.volunteering import attendance, certificates, ledger, signups
from participation.votes.ballots import cast_online
from participation.votes.roll import freeze_electorate
from tests.factories.consultations import CommentFactory, ProposalFactory
from tests.factories.events import EventCalendarFactory, EventPageFactory
from tests.factories.households import BuildingFactory, UnitFactory, staff_in, verified_resident
from tests.factories.mottos import MottoFactory, MottoGalleryFactory, submit_for_moderation
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory, NoticePageFactory
from tests.factories.reports import ReportFactory
from tests.factories.volunteering import ShiftFactory
from tests.factories.votes import VoteFactory, option

# Values as they travel in a query string or urlencoded body (already percent-encoded).
HOSTILE = {"nul": "a%00b", "invalid-utf8": "%FF%FE", "overlong-utf8": "%C0%AF"}
# Sent one parameter at a time (a 404 for one must not hide a 500 for the next) ...
WRONG = {
    "superscript-digit": "%C2%B2",  # ² passes str.isdigit()
    "arabic-indic-digit": "%D9%A1",  # ١ is read as 1 by int()
    "huge": "9" * 30,
    "list": "%5B%5D",
    "overlong": "x" * 3000,
}
# ... and these in every parameter at once.
WRONG_TOGETHER = {"negative": "-1", "fraction": "1.5", "empty": ""}
FORM_NUMBER = {"superscript-digit": "%C2%B2", "list": "%5B%5D", "huge": "1e999", "nan": "NaN"}
FORM_CHOICE = {"superscript-digit": "%C2%B2", "list": "%5B%5D", "unknown": "no-such-choice"}
GENERIC_PARAMS = ["q", "page", "p", "next", "code"]
NUMERIC_NAMES = re.compile(r"(^|[-_])(id|pk|page|area|area_m2|sort_order|year|month|heads)$")
# Sending every field twice with the form's own values is an honest submission (Django
# reads the last): it is checked for 5xx only.
MAY_WRITE = {"form duplicated", "multipart duplicated"}
# Also honest, so checked for 5xx only: a good photo whose file name has a NUL or is not
# UTF-8 (an old phone's GBK name; the name is never kept: report photos are re-encoded
# as photo.jpg, Wagtail cleans an image's file name), and a multipart body cut short
# before its last boundary (Django keeps the parts that arrived whole, and the record
# is whole without the part that did not arrive).
MAY_WRITE_ENDINGS = (": nul in name", ": invalid-utf8 name", "multipart cut short")
# Tables that honest reads may add to: sessions (log-ins) and Wagtail's admin profile.
TABLES_READS_MAY_GROW = {
    "django_session",
    "wagtailusers_userprofile",
    # Wagtail's own bookkeeping, not a record anyone wrote: an admin edit view opened
    # (concurrent-editing notices) and the reference index of a saved object.
    "wagtailadmin_editingsession",
    "wagtailcore_referenceindex",
}
# Wagtail's page that raises on purpose, to test error reporting.
SKIPPED = {"wagtailadmin_error_test"}
OWN_CODE = ("participation.", "home.", "portal.", "allauth.", "django.views.i18n")


@pytest.fixture
def site(db):
    home = HomePageFactory()
    index = NoticeIndexPageFactory(parent=home)
    building = BuildingFactory(name="3号楼")
    notice = NoticePageFactory(
        parent=index, title="电梯年检通知", tags=["电梯"], buildings=[building]
    )
    unit = UnitFactory(building=building, unit_no="1", room="301")
    resident = verified_resident(unit, relation=Relation.OWNER_VOTER, display_name="王芳")
    Owner.objects.filter(pk=unit.owner_id).update(voter=resident.user)
    vote = freeze_electorate(VoteFactory(electorate="owners"))
    cast_online(vote, vote.roll.get(), resident.user, option(vote, "agree"))
    staff = staff_in(roles.COMMITTEE, username="committee")
    report = ReportFactory(reporter=resident.user, photos=1)
    # Done, so its reporter sees the rating form.
    loop.accept(report, staff, Handler.COMMITTEE)
    loop.start(report, staff)
    loop.close(report, staff, "已更换按钮")
    # Someone else's proposal: the resident may support it, comment, report a comment;
    # their own fresh comment can still be edited.
    proposal = ProposalFactory(title="架空层改造成老人活动室")
    CommentFactory(proposal=proposal, body="楼下确实需要。")
    own_comment = CommentFactory(proposal=proposal, author=resident.user, body="我也同意。")
    # One shift open for sign-up, one the resident has signed up for (cancel form),
    # hours in the time bank (certificate form on /me/) and a certificate.
    shift = ShiftFactory(opportunity__title="垃圾分类督导")
    signed_up = ShiftFactory(opportunity=shift.opportunity)
    signup, _created = signups.sign_up(signed_up, resident.user)
    ledger.record_other(resident.user, "2", "帮邻居买菜", "王奶奶腿脚不便", staff, staff)
    certificate = certificates.issue(resident.user)
    calendar = EventCalendarFactory(parent=home)
    event = EventPageFactory(parent=calendar, title="重阳节敬老活动")
    gallery = MottoGalleryFactory(parent=home)
    motto = MottoFactory()
    submission = submit_for_moderation(MottoFactory(live=False), resident.user)
    return {
        "report": report,
        "proposal": proposal,
        "comment": own_comment,
        "shift": shift,
        "signup": signup,
        "certificate": certificate,
        "calendar": calendar,
        "event": event,
        "gallery": gallery,
        "motto": motto,
        "submission": submission,
        "home": home,
        "notice": notice,
        "building": building,
        "unit": unit,
        "resident": resident,
        "vote": vote,
        "staff": staff,
    }


# --- The URLs ------------------------------------------------------------------------


def _patterns(patterns, namespace="", route=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern.url_patterns, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern, route + str(pattern.pattern)


def _module(pattern):
    view = pattern.callback
    view = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
    return getattr(view, "__module__", "") or ""


def _object_pk(namespace, url_name, site):
    by_namespace = {
        "plan_votes": site["vote"].pk,
        "residents": site["resident"].pk,
        "buildings": site["building"].pk,
        "units": site["unit"].pk,
        "owners": site["unit"].owner_id,
        "wagtailadmin_pages": site["notice"].pk,
        "wagtailusers_users": site["resident"].user_id,
        "reports": site["report"].pk,
        "report_escalations": site["report"].pk,
        "proposal_comments": site["comment"].pk,
        "proposals": site["proposal"].pk,
        "volunteer_opportunities": site["shift"].opportunity_id,
        "volunteer_teams": site["shift"].opportunity.team_id,
        "volunteer_shifts": site["shift"].pk,
        "volunteer_signups": site["signup"].pk,
        "volunteer_certificates": site["certificate"].pk,
    }
    for prefix, pk in by_namespace.items():
        if prefix in namespace:
            return pk
    if url_name.startswith("building-residents"):
        return site["building"].pk
    if url_name == "report-photo":
        return site["report"].photos.get().pk
    if url_name.startswith("report-"):
        return site["report"].pk
    if url_name.startswith("vote-"):
        return site["vote"].pk
    object_by_name = {
        "proposal-": site["proposal"],
        "comment-create": site["proposal"],
        "comment-": site["comment"],
        "opportunity-": site["shift"].opportunity,
        "shift-": site["shift"],
        "signup-": site["signup"],
    }
    for prefix, obj in object_by_name.items():
        if url_name.startswith(prefix):
            return obj.pk
    return site["notice"].pk if "page" in url_name else 1


def _fill(name, namespace, url_name, site):
    special = {
        "mode": "elderly",
        "uidb36": "1",
        "key": "no-such-key",
        "app_label": "participation",
        "app_name": "participation",
        "model_name": "building",
        "year": "2026",
        "month": "1",
        "slug": site["notice"].slug,
        "filename": "x.pdf",
        "path": "x",
        "number": site["certificate"].number,
        "token": attendance.check_in_token(site["shift"]),
    }
    if name in special:
        return special[name]
    return _object_pk(namespace, url_name, site)


def site_urls(site):
    """(path, own code?) for every URL pattern, path parameters filled from ``site``."""
    urls = {}
    for namespace, pattern, route in _patterns(get_resolver().url_patterns):
        own = _module(pattern).startswith(OWN_CODE)
        if pattern.name in SKIPPED:
            continue
        if pattern.name == "wagtail_serve":
            for path in served_pages(site):
                urls.setdefault(path, True)
            continue
        regex = pattern.pattern.regex
        names = list(regex.groupindex)
        kwargs = {n: _fill(n, namespace, pattern.name or "", site) for n in names}
        args = [1, "x.pdf"][: regex.groups - len(names)] if not names else []
        if pattern.name:
            try:
                path = reverse(namespace + pattern.name, kwargs=kwargs or None, args=args or None)
            except NoReverseMatch:
                continue
        else:
            values = {name: str(value) for name, value in kwargs.items()}
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=values: v.get(m[1], "1"), route)
            path = path.lstrip("^").rstrip("$")
            if "(" in path or "\\" in path:
                continue
        if path.startswith("/media/"):
            continue
        urls[path] = urls.get(path, False) or own
    return sorted(urls.items())


def served_pages(site):
    """Wagtail's pages and their routes (a routable page's subpages are not URL
    patterns of their own): notices, the calendar and an event, the motto gallery."""
    notice, calendar, event = site["notice"].url, site["calendar"].url, site["event"].url
    gallery = site["gallery"].url
    return (
        "/",
        "/notices/",
        notice,
        notice + "poster/",
        "/notices/feed/",
        calendar,
        calendar + "2026/12/",
        calendar + "past/",
        calendar + "ical/",
        event,
        event + "ical/",
        gallery,
        f"{gallery}{site['motto'].pk}/",
        f"{gallery}{site['motto'].pk}/print/",
        gallery + "submit/",
        f"{gallery}mine/{site['submission'].pk}/",
    )


# --- Forms and links on a page -------------------------------------------------------


class _Forms(HTMLParser):
    """POST and GET forms (method, action, fields) and the query parameters of links."""

    def __init__(self):
        super().__init__()
        self.forms, self.link_params = [], set()
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "?" in (attrs.get("href") or ""):
            self.link_params.update(k for k, _v in parse_qsl(urlsplit(attrs["href"]).query))
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            enctype = (attrs.get("enctype") or "").lower()
            self._form = {
                "method": method,
                "action": attrs.get("action"),
                "fields": [],
                "multipart": enctype == "multipart/form-data",
            }
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            if "selected" in attrs or self._select["value"] is None:
                self._select["value"] = attrs.get("value", "")
            if self._select.get("first_choice") is None and attrs.get("value"):
                self._select["first_choice"] = attrs["value"]
        elif self._form is not None and attrs.get("name"):
            self._add_field(tag, attrs)

    def _add_field(self, tag, attrs):
        name, kind = attrs["name"], (attrs.get("type") or "text").lower()
        value = attrs.get("value") or ""
        if tag == "input" and kind == "file":
            value = None
        elif tag == "button" or (tag == "input" and kind in BUTTONS):
            kind, value = "button", None
        elif tag == "input" and kind in ("checkbox", "radio"):
            # A box with no value attribute sends "on"; one with value="" sends "".
            value = attrs.get("value", "on") if "checked" in attrs else None
        elif tag == "select":
            kind, value = "select", None
        elif tag == "textarea":
            kind = "textarea"
        elif tag != "input":
            return
        maxlength = attrs.get("maxlength")
        field = {
            "name": name,
            "kind": kind,
            "value": value,
            "maxlength": int(maxlength) if maxlength and maxlength.isdigit() else None,
        }
        self._form["fields"].append(field)
        if tag == "select":
            self._select = field
        elif tag == "textarea":
            self._textarea = field

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


BUTTONS = ("submit", "button", "image", "reset")


def page_forms(html):
    parser = _Forms()
    parser.feed(html)
    return parser


def malformed_values(field):
    """Values that are wrong for this field whatever else the form holds (the hostile
    ones, which are wrong everywhere, go to all fields at once)."""
    values = {}
    if field["kind"] in ("select", "radio"):
        values.update(FORM_CHOICE)
    elif field["kind"] == "number" or NUMERIC_NAMES.search(field["name"]):
        values.update(FORM_NUMBER)
    if field["maxlength"]:
        values["overlong"] = "x" * (field["maxlength"] * 4 + 10)
    return values


def form_body(fields, override=None, duplicate=False):
    """An urlencoded body: each field's value (percent-encoded), ``override`` raw."""
    parts = []
    for field in fields:
        name = quote(field["name"], safe="")
        if override and field["name"] == override[0]:
            parts.append(f"{name}={override[1]}")
        elif field["kind"] != "button" and field["value"] is not None:
            parts.append(f"{name}={quote(field['value'], safe='')}")
            if duplicate:
                parts.append(f"{name}={quote(field['value'], safe='')}")
    return "&".join(parts)


def _picture(fmt="JPEG", noisy=False):
    out = io.BytesIO()
    picture = Image.effect_noise((256, 256), 64) if noisy else Image.new("RGB", (64, 48), "red")
    picture.convert("RGB").save(out, fmt)
    return out.getvalue()


def _png_claiming(width, height):
    """A PNG header that claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


PHOTO = (b"photo.jpg", _picture())
# Files that are not what they claim, each sent in one file field at a time.
BAD_FILES = {
    "not an image": (b"photo.jpg", b"this is not a picture"),
    "empty file": (b"photo.jpg", b""),
    "jpeg cut in its header": (b"photo.jpg", _picture()[:300]),
    # The header is whole (Django's ImageField only reads that), the picture is not.
    "jpeg cut in its data": (b"photo.jpg", _picture(noisy=True)[:-4000]),
    "bomb png": (b"photo.png", _png_claiming(60000, 60000)),
    "svg": (b"photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
    "nul in name": (b"a\x00b.jpg", _picture()),
    "invalid-utf8 name": (b"\xff\xfe.jpg", _picture()),
    "overlong name": (b"x" * 3000 + b".jpg", _picture()),
}
# What a resident would type into an empty text field of a form with files, so that a
# bad file is the only thing wrong with the form (and must be what refuses it).
FILLER = "楼道灯坏了很久了，晚上很黑。"


def honest_value(field):
    """The value a resident would send: the page's own, a select's first real choice,
    ``FILLER`` in an empty text field; ``None`` for an unticked box."""
    if field["kind"] in ("checkbox", "radio"):
        return field["value"]
    if field["kind"] == "select":
        return field["value"] or field.get("first_choice") or ""
    return field["value"] if field["value"].strip() else FILLER


BOUNDARY = "linli-walk-boundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def multipart_body(parts):
    """A multipart body from ``(name, value bytes, filename bytes or None)``."""
    out = io.BytesIO()
    for name, value, filename in parts:
        out.write(f"--{BOUNDARY}\r\n".encode())
        disposition = b'Content-Disposition: form-data; name="' + name.encode() + b'"'
        if filename is not None:
            disposition += b'; filename="' + filename + b'"'
        out.write(disposition + b"\r\n")
        if filename is not None:
            out.write(b"Content-Type: application/octet-stream\r\n")
        out.write(b"\r\n" + value + b"\r\n")
    out.write(f"--{BOUNDARY}--\r\n".encode())
    return out.getvalue()


# --- The walk ------------------------------------------------------------------------


def row_counts():
    tables = sorted(connection.introspection.table_names())
    qn = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {qn(t)})" for t in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + counts)  # the database's own table names
        return dict(zip(tables, cursor.fetchone(), strict=True))


class _RolledBack(Exception):
    pass


def _inserts_into(seen):
    """A query wrapper that notes every INSERT: a request that sent none cannot have
    added a row, so the walk counts every table's rows (one query over ~150 tables,
    the walk's biggest cost) only after a request that did."""

    def wrapper(execute, sql, params, many, context):
        if "INSERT" in sql.upper():
            seen.append(sql[:80])
        return execute(sql, params, many, context)

    return wrapper


class Walker:
    """Sends requests as one person; each malformed request runs in a savepoint that is
    rolled back after the rows of every table are counted, so one request's writes are
    reported against it and cannot change what the next one sees."""

    def __init__(self, client, user, areas=()):
        self.client, self.user, self.problems = client, user, []
        self.requests = 0
        self.areas = ("/",) if user is None else PER_USER_AREAS + areas
        self.rows = row_counts()

    def read(self, path):
        """The plain GET an honest visitor makes; what it creates is kept."""
        response = self.send("plain", "GET", path, keep=True)
        self.rows = row_counts()
        return response

    def send(self, label, method, path, query="", body=None, content_type=None, keep=False):
        url = f"{path}?{query}" if query else path
        self.requests += 1
        response = None
        inserts = []
        try:
            with transaction.atomic(), connection.execute_wrapper(_inserts_into(inserts)):
                if body is None:
                    response = self.client.generic(method, url)
                else:
                    response = self.client.generic(
                        method,
                        url,
                        data=body if isinstance(body, bytes) else body.encode("ascii"),
                        content_type=content_type or "application/x-www-form-urlencoded",
                    )
                if not keep:
                    if inserts:  # without an INSERT no table can have grown
                        self.check_rows(f"{method} {url[:120]} [{label}]", label)
                    raise _RolledBack
        except _RolledBack:
            pass
        except Exception as exc:  # noqa: BLE001 - every 5xx is reported below
            self.problems.append(f"{method} {url[:200]} [{label}]: {exc!r}"[:400])
            return None
        if response.status_code >= 500:
            self.problems.append(f"{method} {url[:200]} [{label}]: {response.status_code}")
        self.relogin()
        return response

    def check_rows(self, where, label):
        if label in MAY_WRITE or label.endswith(MAY_WRITE_ENDINGS):
            return
        after = row_counts()
        grown = {
            table: count - self.rows.get(table, 0)
            for table, count in after.items()
            if count > self.rows.get(table, 0) and table not in TABLES_READS_MAY_GROW
        }
        if grown:
            self.problems.append(f"{where}: new rows {grown}")

    def relogin(self):
        if self.user is not None and "_auth_user_id" not in self.client.session:
            self.client.force_login(self.user)
            self.rows = row_counts()

    def walk(self, path, own):
        if not own:  # Wagtail's own admin: no plain read first
            first = self.send("wrong values", "GET", path, WRONG_VALUES)
            if first is not None and first.status_code < 300 and self.user is not None:
                kind = sorted(HOSTILE)[self.requests % len(HOSTILE)]
                self.send(kind, "GET", path, f"q={HOSTILE[kind]}&p=1")
                self.send("charset", "POST", path, body="a=%FF&b=%00", content_type=LATIN1)
            return
        first = self.read(path)
        reached = first is not None and first.status_code < 300
        if reached and path.startswith(self.areas):
            self.walk_fully(path, first)
        else:
            self.walk_cheaply(path, reached)

    def walk_cheaply(self, path, reached):
        """Wagtail's own admin, pages the role is turned away from, and (when logged in)
        public pages the anonymous walk covers: a few requests, each with one kind of
        trouble in several parameters (the middleware's checks are generic)."""
        self.send("wrong values", "GET", path, WRONG_VALUES)
        if reached:
            kind = sorted(HOSTILE)[self.requests % len(HOSTILE)]
            self.send(kind, "GET", path, f"q={HOSTILE[kind]}&p=1")
            self.send("charset", "POST", path, body="a=%FF&b=%00", content_type=LATIN1)

    def walk_fully(self, path, first):
        html = ""
        if first.get("Content-Type", "").startswith("text/html"):
            html = first.content.decode("utf-8", "replace")
        found = page_forms(html)
        params = {"q", "page"} | found.link_params
        for form in found.forms:
            if form["method"] == "get":
                params.update(f["name"] for f in form["fields"] if f["kind"] != "button")
        params = sorted(params)
        for label, value in HOSTILE.items():
            self.send(label, "GET", path, "&".join(f"{quote(p)}={value}" for p in params))
        for param in params:
            for label, value in WRONG.items():
                self.send(f"{param}={label}", "GET", path, f"{quote(param)}={value}")
        for label, value in WRONG_TOGETHER.items():
            self.send(label, "GET", path, "&".join(f"{quote(p)}={value}" for p in params))
        self.send("duplicated", "GET", path, "&".join(f"{p}=1&{p}=2" for p in params))
        for method in ("PUT", "DELETE"):
            self.send("wrong method", method, path, body="a=1")
        self.send("charset", "POST", path, body="a=1", content_type=LATIN1)
        if not path.startswith("/admin/"):
            self.send("empty post", "POST", path, body="")
            self.send("json post", "POST", path, body="{}", content_type="application/json")
        for form in found.forms:
            if form["method"] == "post":
                self.post_form(path, form)

    def post_form(self, path, form):
        action = urlsplit(form["action"]).path if form["action"] else path
        if not action.startswith("/"):
            action = path
        fields = [f for f in form["fields"] if f["name"] != "csrfmiddlewaretoken"]
        names = [f["name"] for f in fields]
        # A form with no fields but the token still sends a body (the test client drops
        # the Content-Type, and so the charset, of an empty one).
        body = form_body(fields) or "a=1"
        self.send("form charset", "POST", action, body=body, content_type=LATIN1)
        for label, value in HOSTILE.items():
            body = "&".join(f"{quote(n, safe='')}={value}" for n in names) or f"a={value}"
            self.send(f"form {label}", "POST", action, body=body)
        if any(f["kind"] != "button" for f in fields):
            self.send("form duplicated", "POST", action, body=form_body(fields, duplicate=True))
        for field in fields:
            for label, value in malformed_values(field).items():
                body = form_body(fields, (field["name"], value))
                self.send(f"form {field['name']}={label}", "POST", action, body=body)
        if form["multipart"]:
            self.post_multipart(action, fields)

    def post_multipart(self, action, fields):
        """A form with a file input, as a browser sends it: multipart, each field with its
        value and each file input with a small real photo; then one kind of trouble at a
        time — hostile bytes in every field, a malformed value in one, a file that is not
        what it claims in one file input, a body cut short."""
        texts = [(f, honest_value(f)) for f in fields if f["kind"] not in ("button", "file")]
        texts = [(f, value) for f, value in texts if value is not None]
        files = [f["name"] for f in fields if f["kind"] == "file"]

        def parts(override=None, bad_file=None):
            out = []
            for field, honest in texts:
                value = honest.encode()
                if override and override[0] == field["name"]:
                    value = unquote_to_bytes(override[1])
                out.append((field["name"], value, None))
            for name in files:
                filename, content = bad_file[1] if bad_file and bad_file[0] == name else PHOTO
                out.append((name, content, filename))
            return out

        def send(label, body):
            self.send(label, "POST", action, body=body, content_type=MULTIPART)

        send("multipart duplicated", multipart_body(parts() + parts()))
        for label, value in HOSTILE.items():
            hostile = [(f["name"], unquote_to_bytes(value), None) for f, _v in texts]
            send(f"multipart {label}", multipart_body(hostile + parts()[len(texts) :]))
        for field, _value in texts:
            for label, value in malformed_values(field).items():
                body = multipart_body(parts((field["name"], value)))
                send(f"multipart {field['name']}={label}", body)
        for name in files:
            for label, bad in BAD_FILES.items():
                send(f"multipart {name}: {label}", multipart_body(parts(bad_file=(name, bad))))
        send("multipart cut short", multipart_body(parts())[:-40])


WRONG_VALUES = "p=%C2%B2&page=%D9%A1&q=" + "x" * 3000
LATIN1 = "application/x-www-form-urlencoded; charset=latin-1"
# Where a logged-in person sees pages of their own; elsewhere the anonymous walk covers
# what they would see.
PER_USER_AREAS = ("/me/", "/accounts/household/", "/accounts/email/", "/votes/", "/admin/")
# Forms only a verified resident is shown (raise and support a proposal, comment, report
# and rate, sign up and cancel, submit a motto): walked fully as the resident. Staff
# walk the shift roster, which only leaders and the committee see.
RESIDENT_AREAS = ("/consultations/", "/reports/", "/volunteer/", "/mottos/")
STAFF_AREAS = ("/volunteer/shifts/",)


def walk_site(site, user, areas=()):
    client = Client(raise_request_exception=True)
    if user is not None:
        client.force_login(user)
    walker = Walker(client, user, areas)
    for path, own in site_urls(site):
        walker.walk(path, own)
    return walker.problems, walker.requests


@pytest.mark.parametrize("role", ["anonymous", "resident", "committee staff"])
def test_no_url_answers_malformed_input_with_a_5xx_or_a_new_row(site, role):
    user, areas = {
        "anonymous": (None, ()),
        "resident": (site["resident"].user, RESIDENT_AREAS),
        "committee staff": (site["staff"], STAFF_AREAS),
    }[role]
    problems, requests = walk_site(site, user, areas)
    assert requests > 500  # the walk really walked
    assert problems == [], "\n".join(problems[:60])


def _writes_on_get(request):
    from django.http import HttpResponse

    from participation.households.models import Building

    Building.objects.create(name="walk-check")
    return HttpResponse("ok")


def _reads_on_get(request):
    from django.http import HttpResponse

    from participation.households.models import Building

    return HttpResponse(str(Building.objects.count()))


urlpatterns = [urls.path("writes/", _writes_on_get), urls.path("reads/", _reads_on_get)]


@pytest.mark.urls(__name__)
def test_the_walk_reports_a_request_that_adds_a_row_and_not_one_that_reads(db):
    walker = Walker(Client(raise_request_exception=True), None)
    walker.send("plain", "GET", "/reads/")
    assert walker.problems == []
    walker.send("plain", "GET", "/writes/")
    assert len(walker.problems) == 1
    assert "new rows" in walker.problems[0]
    assert "participation_building" in walker.problems[0]
