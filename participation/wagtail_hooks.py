from wagtail import hooks
from wagtail.permissions import register_permission_policy

from participation.logs import register_log_actions, register_vote_log_actions
from participation.models import ResidentProfile
from participation.panels import add_panels
from participation.viewsets import ParticipationViewSetGroup
from participation.viewsets.residents import ResidentPermissionPolicy

register_permission_policy(ResidentProfile, ResidentPermissionPolicy(ResidentProfile))


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationViewSetGroup()


hooks.register("construct_homepage_panels", add_panels)
hooks.register("register_log_actions", register_log_actions)
hooks.register("register_log_actions", register_vote_log_actions)
