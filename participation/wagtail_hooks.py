"""Wagtail hooks: registration only; what is registered lives in the features."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from participation.admin_menu import ParticipationViewSetGroup
from participation.consultations.admin_views import (
    register_log_actions as register_consultation_log_actions,
)
from participation.consultations.panels import add_panels as add_consultation_panels
from participation.logs import (
    register_log_actions,
    register_role_log_actions,
    register_vote_log_actions,
)
from participation.reports.admin_views import register_log_actions as register_report_log_actions
from participation.reports.panels import add_panels as add_report_panels
from participation.residents.models import ResidentProfile
from participation.residents.panels import add_panels as add_resident_panels
from participation.residents.viewsets import ResidentPermissionPolicy
from participation.volunteering.panels import add_panels as add_volunteering_panels
from participation.votes.admin_assets import global_admin_css as vote_admin_css
from participation.votes.panels import add_panels as add_vote_panels

register_permission_policy(ResidentProfile, ResidentPermissionPolicy(ResidentProfile))


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationViewSetGroup()


hooks.register("construct_homepage_panels", add_resident_panels)
hooks.register("construct_homepage_panels", add_vote_panels)
hooks.register("construct_homepage_panels", add_volunteering_panels)
hooks.register("register_log_actions", register_log_actions)
hooks.register("register_log_actions", register_vote_log_actions)
hooks.register("register_log_actions", register_role_log_actions)
hooks.register("insert_global_admin_css", vote_admin_css)
hooks.register("construct_homepage_panels", add_consultation_panels)
hooks.register("register_log_actions", register_consultation_log_actions)
hooks.register("construct_homepage_panels", add_report_panels)
hooks.register("register_log_actions", register_report_log_actions)
