"""Accounts (allauth's views with 4xx answers to bad input) and the letter-code claim."""

from django.urls import path, re_path

from participation.residents import views

urlpatterns = [
    path("accounts/login/", views.login, name="login"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/code/", views.request_login_code, name="request-login-code"),
    path("accounts/login/code/confirm/", views.confirm_login_code, name="confirm-login-code"),
    path("accounts/phone/verify/", views.verify_phone, name="verify-phone"),
    path("accounts/password/reset/", views.password_reset, name="password-reset"),
    re_path(
        r"^accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        views.password_reset_from_key,
        name="password-reset-from-key",
    ),
    path("accounts/password/change/", views.password_change, name="password-change"),
    path("accounts/household/", views.claim, name="claim-unit"),
    path("accounts/signup/code/", views.signup_with_code, name="signup-code"),
    path("accounts/first-login/<uidb64>/<token>/", views.first_login, name="first-login"),
]
