"""Every model that points at a site's rows is either carried in a site's archive or left out for a stated reason."""

from archiving.contents import unclassified


def test_every_model_pointing_at_a_sites_rows_is_classified():
    """A new model with a plain foreign key to a page, a Site, an Agency, a collection or a file: add it to
    archiving.contents (OWNED_BY to carry it; PERSONAL, DERIVED or NOT_CARRIED to leave it out)."""
    assert unclassified() == []
