"""Public volunteering pages follow the anonymous page cache: any change to what they
show starts a new cache generation."""

from participation.volunteering.models import Opportunity, Shift, SignUp, VolunteerTeam
from portal.page_cache import invalidate_on

invalidate_on(VolunteerTeam, Opportunity, Shift, SignUp)
