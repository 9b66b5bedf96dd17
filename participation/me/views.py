"""/me/: a resident's own record, and their rights over their personal data."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.consultations import me as consultations_me
from participation.formtools import autofocus_first_error
from participation.households.models import Building
from participation.me import personal_data
from participation.me.forms import ConsentForm, DeleteAccountForm, ProfileForm
from participation.reports import me as reports_me
from participation.residents import permissions
from participation.residents.models import ResidentProfile
from participation.volunteering import me as volunteering_me
from participation.votes.ballots import ballots_cast_by
from participation.votes.household import (
    household_ballot_sentence,
    household_ballots_for,
    votes_waiting,
)
from participation.votes.ordering import natural_key


def _profile(user):
    return (
        ResidentProfile.objects.select_related("unit__building", "unit__owner", "captain_of")
        .filter(user=user)
        .first()
    )


@login_required
@never_cache
def me(request):
    profile = _profile(request.user)
    return render(
        request,
        "participation/me.html",
        {
            "profile": profile,
            "is_named_voter": profile is not None
            and profile.unit is not None
            and profile.unit.owner.voter_id == request.user.pk,
            "captained_building": permissions.captained_building(request.user),
            "my_ballots": ballots_cast_by(request.user),
            "household_ballots": [
                (
                    ballot,
                    household_ballot_sentence(ballot, ballot.roll_entry.label, request.user.pk),
                )
                for ballot in household_ballots_for(request.user)
            ],
            "votes_waiting": votes_waiting(request.user),
            **consultations_me.context(request.user),
            **reports_me.context(request.user),
            **volunteering_me.context(request.user),
        },
    )


@login_required
@never_cache
def edit_profile(request):
    profile, _created = ResidentProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your details are saved."))
            return redirect("participation:me")
        status = 400
        autofocus_first_error(form)
    return render(request, "participation/me_profile.html", {"form": form}, status=status)


@login_required
@never_cache
def download_data(request):
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="linli-my-data-{stamp}.json"'
    return response


@login_required
@never_cache
def privacy(request):
    profile = _profile(request.user)
    return render(request, "participation/me_privacy.html", {"profile": profile})


@login_required
@require_POST
def consent(request):
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "participation/me_privacy.html",
            {"profile": _profile(request.user), "consent_error": True},
            status=400,
        )
    action = form.cleaned_data["action"]
    if action == "give_contact":
        personal_data.give_contact_consent(request.user)
        messages.success(request, _("Thank you: the committee may contact you."))
    elif action == "withdraw_contact":
        personal_data.withdraw_contact_consent(request.user)
        messages.success(request, _("Done: the committee will no longer contact you."))
    else:
        personal_data.withdraw_privacy_consent(request.user)
        messages.success(
            request,
            _(
                "Done: your unit, verification and phone number are removed. You can "
                "still log in and read; to take part again, claim your unit anew."
            ),
        )
    return redirect("participation:me-privacy")


@login_required
@never_cache
def delete_account(request):
    if request.user.is_staff:
        raise PermissionDenied(
            _("Staff accounts are removed by an administrator, not from this page.")
        )
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            personal_data.delete_account(request.user)
            logout(request)
            messages.success(request, _("Your account and personal data have been deleted."))
            return redirect("/")
        status = 400
        autofocus_first_error(form)
    return render(request, "participation/me_delete.html", {"form": form}, status=status)


@login_required
@never_cache
def building_residents(request, pk=None):
    """A building captain's list: names, rooms and relations — never phone numbers."""
    if pk is None:
        building = permissions.captained_building(request.user)
        if building is None:
            raise Http404(_("You are not a building captain."))
    else:
        building = get_object_or_404(Building, pk=pk)
    if not permissions.can_view_building_residents(request.user, building):
        raise PermissionDenied(_("Only this building's captain and the committee see this list."))
    residents = sorted(
        ResidentProfile.objects.filter(
            unit__building=building, verified_at__isnull=False
        ).select_related("unit"),
        key=lambda p: (natural_key(p.unit.unit_no), natural_key(p.unit.room), p.display_name),
    )  # rooms in natural order: 201 before 1001
    return render(
        request,
        "participation/building_residents.html",
        {"building": building, "residents": residents},
    )
