"""No URL of the site answers malformed input with a 5xx or a new row.

Walks every URL pattern (Django's resolver), fills path parameters from a small site
(a notice, a vote, a verified resident, committee staff), and sends each URL malformed
values: NUL, bytes that are not UTF-8, overlong text, Unicode digits, wrong types,
duplicated parameters, wrong methods and a non-UTF-8 form charset. Pages of the site's
own code (and allauth's) get every value in every query parameter they use and every
field of every form they show; Wagtail's own admin gets the cheap checks only (its
forms save drafts and revisions for almost any input). As an anonymous visitor, a
verified resident and committee staff; on SQLite and PostgreSQL alike (each request
runs in a savepoint, so one database error cannot hide the next).
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from participation import roles
from participation.households.models import Owner
from participation.residents.choices import Relation
from participation.votes.ballots import cast_online
from participation.votes.roll import freeze_electorate
from tests.factories.households import BuildingFactory, UnitFactory, staff_in, verified_resident
from tests.factories.pages import make_home, make_notice, make_notice_index
from tests.factories.reports import make_report
from tests.factories.votes import make_vote, option

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
MAY_WRITE = {"form duplicated"}
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
    home = make_home()
    index = make_notice_index(home)
    building = BuildingFactory(name="3号楼")
    notice = make_notice(index, title="电梯年检通知", tags=["电梯"], buildings=[building])
    unit = UnitFactory(building=building, unit_no="1", room="301")
    resident = verified_resident(unit, relation=Relation.OWNER_VOTER, display_name="王芳")
    Owner.objects.filter(pk=unit.owner_id).update(voter=resident.user)
    vote = freeze_electorate(make_vote("owners"))
    cast_online(vote, vote.roll.get(), resident.user, option(vote, "agree"))
    staff = staff_in(roles.COMMITTEE, username="committee")
    report = make_report(resident.user, photos=1)
    return {
        "report": report,
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
            notice = site["notice"].url
            for path in ("/", "/notices/", notice, notice + "poster/", "/notices/feed/"):
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
            self._form = {"method": method, "action": attrs.get("action"), "fields": []}
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            if "selected" in attrs or self._select["value"] is None:
                self._select["value"] = attrs.get("value", "")
        elif self._form is not None and attrs.get("name"):
            self._add_field(tag, attrs)

    def _add_field(self, tag, attrs):
        name, kind = attrs["name"], (attrs.get("type") or "text").lower()
        value = attrs.get("value") or ""
        if tag == "button" or (tag == "input" and kind in BUTTONS):
            kind, value = "button", None
        elif tag == "input" and kind in ("checkbox", "radio"):
            value = (attrs.get("value") or "on") if "checked" in attrs else None
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


BUTTONS = ("submit", "button", "image", "reset", "file")


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


class Walker:
    """Sends requests as one person; each malformed request runs in a savepoint that is
    rolled back after the rows of every table are counted, so one request's writes are
    reported against it and cannot change what the next one sees."""

    def __init__(self, client, user):
        self.client, self.user, self.problems = client, user, []
        self.requests = 0
        self.areas = PER_USER_AREAS if user is not None else ("/",)
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
        try:
            with transaction.atomic():
                if body is None:
                    response = self.client.generic(method, url)
                else:
                    response = self.client.generic(
                        method,
                        url,
                        data=body.encode("ascii"),
                        content_type=content_type or "application/x-www-form-urlencoded",
                    )
                if not keep:
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
        if label in MAY_WRITE:
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
        self.send("form charset", "POST", action, body=form_body(fields), content_type=LATIN1)
        for label, value in HOSTILE.items():
            body = "&".join(f"{quote(n, safe='')}={value}" for n in names) or f"a={value}"
            self.send(f"form {label}", "POST", action, body=body)
        if any(f["kind"] != "button" for f in fields):
            self.send("form duplicated", "POST", action, body=form_body(fields, duplicate=True))
        for field in fields:
            for label, value in malformed_values(field).items():
                body = form_body(fields, (field["name"], value))
                self.send(f"form {field['name']}={label}", "POST", action, body=body)


WRONG_VALUES = "p=%C2%B2&page=%D9%A1&q=" + "x" * 3000
LATIN1 = "application/x-www-form-urlencoded; charset=latin-1"
# Where a logged-in person sees pages of their own; elsewhere the anonymous walk covers
# what they would see.
PER_USER_AREAS = ("/me/", "/accounts/household/", "/accounts/email/", "/votes/", "/admin/")


def walk_site(site, user):
    client = Client(raise_request_exception=True)
    if user is not None:
        client.force_login(user)
    walker = Walker(client, user)
    for path, own in site_urls(site):
        walker.walk(path, own)
    return walker.problems, walker.requests


@pytest.mark.parametrize("role", ["anonymous", "resident", "committee staff"])
def test_no_url_answers_malformed_input_with_a_5xx_or_a_new_row(site, role):
    user = {"anonymous": None, "resident": site["resident"].user, "committee staff": site["staff"]}[
        role
    ]
    problems, requests = walk_site(site, user)
    assert requests > 500  # the walk really walked
    assert problems == [], "\n".join(problems[:60])
