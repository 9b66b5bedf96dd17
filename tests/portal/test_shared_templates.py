"""Templates that several pages share (templates/print_base.html, poster_base.html,
includes/proposal_filter_fields.html, includes/admin_form.html,
participation/admin/dashboard_panel.html): each page still shows what is its own."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

WHEN = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)

PANELS = {
    "participation/admin/awaiting_answer_panel.html": (
        "awaiting-answer",
        {
            "proposals": [
                SimpleNamespace(pk=7, title="北门充电桩", support_count=31, agenda_at=WHEN)
            ]
        },
    ),
    "participation/admin/open_votes_panel.html": (
        "open-votes",
        {
            "votes": [
                SimpleNamespace(
                    vote=SimpleNamespace(
                        pk=3, title="架空层改造", is_owners_vote=True, closes_at=WHEN
                    ),
                    heads_percent=40,
                    area_percent=55,
                )
            ]
        },
    ),
    "participation/admin/overdue_reports_panel.html": (
        "overdue-reports",
        {"reports": [SimpleNamespace(pk=5, due_at=WHEN, get_status_display="待受理")]},
    ),
    "participation/admin/under_filled_shifts_panel.html": (
        "under-filled",
        {
            "shifts": [
                SimpleNamespace(
                    pk=9,
                    starts_at=WHEN,
                    capacity=6,
                    taken=1,
                    opportunity=SimpleNamespace(
                        title="助老送餐", team=SimpleNamespace(name="助老队")
                    ),
                )
            ]
        },
    ),
}


@pytest.mark.parametrize("template", PANELS)
def test_a_dashboard_panel_is_a_section_named_by_its_own_heading(template):
    stem, context = PANELS[template]
    html = render_to_string(template, context)
    section = re.search(r'<section class="([^"]+)" aria-labelledby="([^"]+)"', html)
    assert section and section.group(2) == f"{stem}-title"
    assert f'<h2 id="{stem}-title">' in html
    assert {"panel", "summary", "nice-padding"} <= set(section.group(1).split())
    assert html.count("<tr>") == 2  # the header row and the one row listed
    assert '<th scope="row">' in html


@pytest.mark.parametrize("template", PANELS)
def test_a_dashboard_panel_with_nothing_to_list_is_left_out(template):
    assert render_to_string(template, {}).strip() == ""


def test_the_overdue_panel_warns_of_a_stopped_scheduler_without_an_empty_table():
    html = render_to_string(
        "participation/admin/overdue_reports_panel.html", {"reports": [], "scheduler_stale": True}
    )
    assert 'aria-labelledby="overdue-reports-title"' in html
    assert "help-warning" in html
    assert "<table" not in html


def test_only_the_open_votes_panel_carries_the_quorum_line_class():
    classes = {
        template: "linli-panel" in render_to_string(template, context)
        for template, (_, context) in PANELS.items()
    }
    assert classes == {template: template.endswith("open_votes_panel.html") for template in PANELS}


def test_the_filter_fields_keep_the_empty_status_choice_each_page_names():
    html = render_to_string(
        "includes/proposal_filter_fields.html",
        {
            "all_statuses": "Open and recently closed",
            "statuses": [("new", "New"), ("closed", "Closed")],
            "status": "closed",
            "categories": [("lift", "Lift")],
            "category": "",
            "buildings": [],
        },
    )
    assert '<option value="">Open and recently closed</option>' in html
    assert '<option value="closed" selected>' in html
    assert '<option value="new" >' in html
    assert re.findall(r'id="(filter-[a-z]+)"', html) == [
        "filter-status",
        "filter-category",
        "filter-building",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "empty_status"),
    [
        ("participation:proposal-list", "全部状态"),
        ("participation:report-board", "办理中和近期办结"),
    ],
)
def test_the_consultations_list_and_the_reports_board_each_filter_by_status(
    client, home, url, empty_status
):
    html = client.get(reverse(url)).content.decode()
    assert html.count('id="filter-status"') == 1
    assert f'<option value="">{empty_status}</option>' in html


@pytest.mark.django_db
def test_the_bill_poster_prints_with_the_poster_tools_and_leads_back_to_the_bill(client, home):
    now = timezone.localtime()
    html = client.get(
        reverse("participation:report-bill-poster", args=[now.year, now.month])
    ).content.decode()
    tools = html.split('<div class="poster__screen-only poster__tools">', 1)[1].split("</div>")[0]
    assert "data-print" in tools
    assert reverse("participation:report-bill", args=[now.year, now.month]) in tools
    assert html.index("css/poster.css") < html.index("css/reports.css") < html.index("poster.js")
    assert '<main class="poster bill-poster">' in html
    assert html.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("language", "letters_lang"), [("en", "en"), ("zh-hans", "zh-Hans")])
def test_printed_letters_follow_the_admin_language_and_the_account_sheet_stays_chinese(
    language, letters_lang
):
    with translation.override(language):
        letters = render_to_string(
            "participation/code_letters.html",
            {"letters": [], "summary": "", "date": WHEN.date(), "back_url": "/admin/"},
        )
        sheet = render_to_string(
            "participation/assisted_sheet.html",
            {"profile": SimpleNamespace(), "link": "", "qr": "", "back_url": "/admin/"},
        )
    assert f'<html lang="{letters_lang}">' in letters
    assert '<html lang="zh-Hans">' in sheet
    for html in (letters, sheet):
        assert '<meta name="robots" content="noindex">' in html
        assert '<a href="/admin/">' in html


class _Form(forms.Form):
    name = forms.CharField(label="Name")

    def clean(self):
        raise forms.ValidationError("That unit has an account already.")


def test_an_admin_form_sends_a_file_or_offers_cancel_only_when_its_page_asks():
    form = _Form({"name": "x"})
    form.is_valid()
    with translation.override("en"):
        plain = render_to_string(
            "includes/admin_form.html", {"form": form, "submit_label": "Make the account"}
        )
        both = render_to_string(
            "includes/admin_form.html",
            {"form": form, "submit_label": "Import", "multipart": True, "cancel_url": "/back/"},
        )
    assert "enctype" not in plain and "Cancel" not in plain
    assert 'enctype="multipart/form-data"' in both
    assert '<a href="/back/" class="button button-secondary">Cancel</a>' in both
    assert '<button type="submit" class="button">Make the account</button>' in plain
    assert 'role="alert"><p>That unit has an account already.</p>' in plain


def test_the_admin_trail_lists_every_step_oldest_first_with_its_note():
    steps = [
        SimpleNamespace(
            created_at=timezone.make_aware(datetime.datetime(2026, 11, day, 9, 30)),
            get_status_display=lambda status=status: status,
            get_role_display=lambda: "居委会",
            note=note,
        )
        for day, status, note in ((2, "已受理", ""), (3, "已办结", "已更换灯泡"))
    ]
    with translation.override("zh-hans"):
        html = render_to_string("includes/admin_trail.html", {"steps": steps})
    assert "<h2>进度记录</h2>" in html
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items == [
        "2026-11-02 09:30 · 已受理 · 居委会",
        "2026-11-03 09:30 · 已办结 · 居委会 — 已更换灯泡",
    ]
