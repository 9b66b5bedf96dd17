"""The gallery's views: list, motto page, print view, submission and resubmission.

Every page an anonymous visitor can GET is cached for them (``CachedPageMixin`` on the
gallery page): no CSRF token, session write or message there. The forms are shown
to logged-in verified residents only; others get a link to log in.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.mottos.choices import MottoKind
from home.mottos.forms import MottoSubmissionForm
from home.mottos.models import PAGE_IMAGE, FamilyMotto, MottoTheme
from home.mottos.permissions import can_change_submission, can_submit_motto
from home.mottos.rules import han_characters
from home.mottos.status import standing
from home.mottos.submissions import TooManySubmissions, resubmit
from home.mottos.submissions import submit as submit_motto
from participation.formtools import autofocus_first_error
from participation.permissions import resident_profile
from portal.paging import page_or_404

PER_PAGE = 12


def _filters(params):
    """?theme= and ?kind=; unknown values answer 404 with a page that says so."""
    themes = list(MottoTheme.objects.all())
    active = {}
    theme = params.get("theme")
    if theme:
        active["theme"] = next((t for t in themes if t.slug == theme), None)
        if active["theme"] is None:
            raise Http404(_("There is no such motto theme."))
    kind = params.get("kind")
    if kind:
        if kind not in MottoKind.values:
            raise Http404(_("There is no such kind of motto."))
        active["kind"] = MottoKind(kind)
    return themes, active


def gallery(page, request):
    themes, active = _filters(request.GET)
    mottos = FamilyMotto.objects.public()
    if "theme" in active:
        mottos = mottos.filter(theme=active["theme"])
    if "kind" in active:
        mottos = mottos.filter(kind=active["kind"])
    current = page_or_404(
        mottos.in_gallery_order().with_card_relations(),
        PER_PAGE,
        request.GET.get("page"),
        _("There is no such page of mottos."),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return page.render(
        request,
        context_overrides={
            "mottos": current,
            "themes": themes,
            "kinds": MottoKind.choices,
            "active": active,
            "filter_query": query.urlencode(),
        },
    )


def _public_motto(pk):
    motto = (
        FamilyMotto.objects.public()
        .select_related("theme", "building", "image")
        .filter(pk=pk)
        .first()
    )
    if motto is None:
        raise Http404(_("There is no such family motto."))
    return motto


def motto_detail(page, request, pk):
    motto = _public_motto(pk)
    return TemplateResponse(
        request,
        "home/family_motto.html",
        {"page": page, "self": page, "motto": motto, "image_spec": PAGE_IMAGE},
    )


def motto_print(page, request, pk):
    """Strips for a door, sized for red paper, with a QR code back to the motto's page
    (the poster pattern of the notices)."""
    from portal.qr import qr_svg

    motto = _public_motto(pk)
    target = request.build_absolute_uri(page.url + page.reverse_subpage("motto", args=[pk]))
    length = len(han_characters(motto.upper_line)) if motto.is_couplet else 0
    return TemplateResponse(
        request,
        "home/family_motto_print.html",
        {
            "page": page,
            "motto": motto,
            "qr_target": target,
            "qr_svg": qr_svg(target),
            "line_length": length,
        },
    )


def submit(page, request):
    """/mottos/submit/: anonymous visitors get a link to log in (the page stays
    cacheable); residents who are not verified are told how to verify."""
    if not request.user.is_authenticated:
        return TemplateResponse(request, "home/motto_submit.html", {"page": page})
    if not can_submit_motto(request.user):
        return TemplateResponse(
            request, "home/motto_submit.html", {"page": page, "not_verified": True}, status=403
        )
    form = MottoSubmissionForm(
        request.POST if request.method == "POST" else None, user=request.user
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                motto, created = submit_motto(form, request.user, resident_profile(request.user))
            except TooManySubmissions:
                status = 429
                form.add_error(
                    None,
                    _(
                        "You have sent several mottos today. Please wait a day before "
                        "sending another one."
                    ),
                )
            else:
                if created:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your motto is with the committee and is shown "
                            "once approved."
                        ),
                    )
                return redirect(page.url + page.reverse_subpage("submission", args=[motto.pk]))
        else:
            status = 400
            autofocus_first_error(form)
    return TemplateResponse(
        request, "home/motto_submit.html", {"page": page, "form": form}, status=status
    )


def submission(page, request, pk):
    """A resident's own submission: where it stands, and, when sent back, the form to
    change and resubmit it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    motto = FamilyMotto.objects.filter(pk=pk, submitted_by=request.user).first()
    if motto is None:
        raise Http404(_("There is no such submission of yours."))
    where = standing(motto)
    form = None
    status = 200
    if where.code == "sent_back" and can_change_submission(request.user, motto):
        form = MottoSubmissionForm(
            request.POST if request.method == "POST" else None,
            instance=motto,
            user=request.user,
        )
        if request.method == "POST":
            if form.is_valid():
                resubmit(form, request.user)
                messages.success(
                    request, _("Thank you! Your changed motto is with the committee again.")
                )
                return redirect(request.path)
            status = 400
            autofocus_first_error(form)
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "home/motto_submission.html",
        {"page": page, "motto": motto, "standing": where, "form": form},
        status=status,
    )
