"""Fixtures shared by the online services' tests."""

import pytest


@pytest.fixture
def officer(other_agency, make_user):
    """An officer of xã Tư Nghĩa's one-stop desk, named Trần Văn Bình (family name first, as shown)."""
    user = make_user("motcua", other_agency.officers)
    user.first_name, user.last_name = "Văn Bình", "Trần"
    user.save()
    return user
