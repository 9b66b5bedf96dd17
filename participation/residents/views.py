"""allauth's log-in, sign-up and password views, answering bad input with a 4xx.

allauth re-renders an invalid form with status 200; the site's rule is that bad input
gets a 4xx (400, or 429 when the login rate limit has locked the account out) with
the message next to the field that needs fixing, and the cursor on it.

/accounts/household/: a signed-in resident claims their unit with the letter code.
/accounts/signup/code/: someone with the letter and no account makes one from the code.
/accounts/first-login/<uid>/<token>/: the link on the sheet the committee prints.
"""

from allauth.account import views as allauth_views
from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from allauth.core.exceptions import RateLimited
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.formtools import autofocus_first_error
from participation.residents.accounts import UsernameTaken, create_account_with_code
from participation.residents.claims import (
    COUNTED,
    Outcome,
    claim_unit,
    locked_until,
)
from participation.residents.forms import ClaimUnitForm, CodeSignupForm
from participation.residents.models import ResidentProfile


def _locked_out(form):
    message = str(get_adapter().error_messages["too_many_login_attempts"])
    return any(str(error) == message for error in form.non_field_errors())


class InvalidFormIs4xx:
    def form_invalid(self, form):
        autofocus_first_error(form)
        response = super().form_invalid(form)
        response.status_code = 429 if _locked_out(form) else 400
        return response


def too_many_texts():
    return _(
        "Too many text messages were sent to this number just now. Please wait a "
        "minute and try again."
    )


class TextMessagesLimited:
    """Sending the SMS code can hit the per-number limit (ACCOUNT_RATE_LIMITS
    "verify_phone"), which allauth raises as an exception: answer 429 with the form
    and a message, and undo the half-made sign-up so the person can simply retry."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except RateLimited:
            form.add_error(None, too_many_texts())
            response = super().form_invalid(form)
            response.status_code = 429
            return response


class LoginView(TextMessagesLimited, InvalidFormIs4xx, allauth_views.LoginView):
    pass


class SignupView(TextMessagesLimited, InvalidFormIs4xx, allauth_views.SignupView):
    pass


class RequestLoginCodeView(InvalidFormIs4xx, allauth_views.RequestLoginCodeView):
    pass


class PasswordResetView(InvalidFormIs4xx, allauth_views.PasswordResetView):
    pass


class PasswordResetFromKeyView(InvalidFormIs4xx, allauth_views.PasswordResetFromKeyView):
    pass


class PasswordChangeView(InvalidFormIs4xx, allauth_views.PasswordChangeView):
    pass


login = LoginView.as_view()


signup = SignupView.as_view()


request_login_code = RequestLoginCodeView.as_view()


def _posted_form_back_is_400(view):
    """allauth's code pages redirect on success and re-render a wrong code with 200."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200:
            response.status_code = 400
        return response

    return wrapped


confirm_login_code = _posted_form_back_is_400(allauth_views.confirm_login_code)


verify_phone = _posted_form_back_is_400(allauth_views.verify_phone)


password_reset = PasswordResetView.as_view()


password_reset_from_key = PasswordResetFromKeyView.as_view()


password_change = PasswordChangeView.as_view()


# What the service can refuse once the form has accepted the code's shape (the form
# turns away malformed codes itself, so Outcome.MALFORMED never reaches the view).
STATUS = {
    Outcome.WRONG: 400,
    Outcome.DEVELOPER_UNIT: 400,
    Outcome.USED: 409,
    Outcome.ALREADY_VERIFIED: 409,
    Outcome.OWNER_HAS_VOTER: 409,
    Outcome.ALREADY_VOTER: 409,
    Outcome.THROTTLED: 429,
}


def _clock(moment):
    return timezone.localtime(moment).strftime("%H:%M")


def refusal(result):
    """What to tell the person, in their language, for a refused claim."""
    if result.outcome == Outcome.THROTTLED or (
        result.outcome == Outcome.WRONG and result.attempts_left == 0
    ):
        return _(
            "Too many wrong codes. To protect households, please try again after "
            "%(time)s, or bring your ID to the committee office."
        ) % {"time": _clock(result.retry_at)}
    if result.outcome == Outcome.WRONG:
        return _(
            "This code is not right. Check it against the letter and type it again. "
            "%(left)d more tries this hour."
        ) % {"left": result.attempts_left}
    messages_by_outcome = {
        Outcome.USED: _(
            "This code has already been used: each letter works once. If no one in your "
            "household used it, ask the committee for a new letter."
        ),
        Outcome.ALREADY_VERIFIED: _(
            "You are already verified for %(unit)s. To change this, contact the committee."
        )
        % {"unit": result.unit},
        Outcome.OWNER_HAS_VOTER: _(
            "This owner has already named a voter. If you are also an owner, choose "
            "“Co-owner”; to change the voter, contact the committee."
        ),
        Outcome.ALREADY_VOTER: _("You are already the named voter of another owner."),
        Outcome.DEVELOPER_UNIT: _(
            "In the register this unit still belongs to the developer (unsold or not yet "
            "delivered), so no one can claim it as an owner. If you bought it, contact "
            "the committee to update the register."
        ),
    }
    return messages_by_outcome[result.outcome]


@login_required
def claim(request):
    profile, _created = ResidentProfile.objects.get_or_create(user=request.user)
    form = ClaimUnitForm(
        request.POST if request.method == "POST" else None,
        needs_consent=profile.consent_privacy_at is None,
    )
    status = 200
    # Before a try, the service says whether the form is closed; after one, its result
    # does (and the form's error says it instead of the banner).
    retry_at = None
    if request.method != "POST":
        retry_at = locked_until(request.user)
    elif form.is_valid():
        result = claim_unit(
            request.user,
            form.cleaned_data["code"],
            form.cleaned_data["relation"],
            accept_privacy=form.cleaned_data.get("accept_privacy", False),
        )
        if result.ok:
            messages.success(
                request,
                _("Welcome! You are now a verified resident of %(unit)s.") % {"unit": result.unit},
            )
            return redirect("participation:me")
        field = None if result.outcome == Outcome.THROTTLED else "code"
        form.add_error(field, refusal(result))
        status = STATUS[result.outcome]
        retry_at = result.retry_at
    else:
        status = 400
    if form.errors:
        autofocus_first_error(form)
    return render(
        request,
        "participation/claim_unit.html",
        {
            "form": form,
            "profile": profile,
            "retry_at": retry_at,
        },
        status=status,
    )


# Wrong letter codes typed by someone without an account, counted per address in
# the shared cache (ACCOUNT_RATE_LIMITS["household_code_failed"]).
CODE_FAILED = "household_code_failed"


def too_many_codes():
    return _(
        "Too many wrong codes from this network. To protect households, please try "
        "again in an hour, or bring your ID to the committee office."
    )


def signup_with_code(request):
    if request.user.is_authenticated:
        return redirect("participation:claim-unit")
    form = CodeSignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if not ratelimit.consume(request, action=CODE_FAILED, dry_run=True):
            form.is_valid()
            form.add_error(None, too_many_codes())
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                user, result = create_account_with_code(
                    username=data["username"],
                    password=data["password1"],
                    code=data["code"],
                    relation=data["relation"],
                    display_name=data.get("display_name", ""),
                    accept_contact=data.get("accept_contact", False),
                )
            except UsernameTaken:
                form.add_error("username", _("This username is taken; choose another."))
            else:
                if user is not None:
                    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                    messages.success(
                        request,
                        _("Welcome! Your account is ready and verified for %(unit)s.")
                        % {"unit": result.unit},
                    )
                    return redirect("participation:me")
                if result.outcome in COUNTED:
                    ratelimit.consume(request, action=CODE_FAILED)
                if result.outcome in COUNTED and not ratelimit.consume(
                    request, action=CODE_FAILED, dry_run=True
                ):
                    form.add_error(None, too_many_codes())
                    status = 429
                else:
                    form.add_error("code", _signup_refusal(result))
                    status = STATUS[result.outcome]
        autofocus_first_error(form)
    return render(request, "participation/signup_code.html", {"form": form}, status=status)


def _signup_refusal(result):
    if result.outcome == Outcome.WRONG:
        return _("This code is not right. Check it against the letter and type it again.")
    return refusal(result)


class FirstLoginView(auth_views.PasswordResetConfirmView):
    """The link on the committee's sheet: choose a password, once, then logged in.

    Django's reset token is bound to the password hash and the last log-in, so the
    link stops working as soon as it has been used. A dead link answers 400.
    """

    template_name = "participation/first_login.html"
    reset_url_token = "set-password"  # noqa: S105 -- a URL segment, not a secret
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = "/me/"

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == 200:
            response.status_code = 400
        return response

    def form_invalid(self, form):
        autofocus_first_error(form)
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Welcome!"))
        return response


first_login = FirstLoginView.as_view()
