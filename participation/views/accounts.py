"""allauth's log-in, sign-up and password views, answering bad input with a 4xx.

allauth re-renders an invalid form with status 200; the site's rule is that bad input
gets a 4xx (400, or 429 when the login rate limit has locked the account out) with
the message next to the field that needs fixing, and the cursor on it.
"""

from allauth.account import views as allauth_views
from allauth.account.adapter import get_adapter

from participation.forms.focus import autofocus_first_error


def _locked_out(form):
    message = str(get_adapter().error_messages["too_many_login_attempts"])
    return any(str(error) == message for error in form.non_field_errors())


class InvalidFormIs4xx:
    def form_invalid(self, form):
        autofocus_first_error(form)
        response = super().form_invalid(form)
        response.status_code = 429 if _locked_out(form) else 400
        return response


class LoginView(InvalidFormIs4xx, allauth_views.LoginView):
    pass


class SignupView(InvalidFormIs4xx, allauth_views.SignupView):
    pass


class PasswordResetView(InvalidFormIs4xx, allauth_views.PasswordResetView):
    pass


class PasswordResetFromKeyView(InvalidFormIs4xx, allauth_views.PasswordResetFromKeyView):
    pass


class PasswordChangeView(InvalidFormIs4xx, allauth_views.PasswordChangeView):
    pass


login = LoginView.as_view()
signup = SignupView.as_view()
password_reset = PasswordResetView.as_view()
password_reset_from_key = PasswordResetFromKeyView.as_view()
password_change = PasswordChangeView.as_view()
