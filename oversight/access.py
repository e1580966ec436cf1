"""Who watches which sites' deadlines: an agency's editorial board (BBT) its own site(s); superusers and the portal's
BBT every site (services.statistics.sees_every_agency). Editors who are not on a BBT watch none."""

from home.models import Agency
from services.statistics import sees_every_agency


def watched_agencies(user):
    """The agencies whose deadlines `user` sees, as a queryset (empty for everyone else)."""
    if not user.is_active:
        return Agency.objects.none()
    if sees_every_agency(user):
        return Agency.objects.all()
    return Agency.objects.filter(moderators__in=user.groups.all()).distinct()
