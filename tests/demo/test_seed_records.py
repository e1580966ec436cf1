"""The demo's official records (demo/data/records.yaml): a withdrawn document with its reason and a page with a
change note in both languages; seeding again creates nothing."""

import pytest

from demo.loader import read
from demo.records import seed_records
from home.models.records import ChangeNote, Withdrawal
from home.onboarding import Onboarding
from tests.documents.conftest import create_lists, document_maker
from tests.home.helpers import add_page, section
from tests.home.test_withdrawal import public, translate

pytestmark = pytest.mark.django_db


def test_the_demo_withdraws_a_document_and_notes_a_change(client, portal, agency, other_agency):
    data = read("records")
    document = document_maker(create_lists())(agency, "148/TB-STTTT", "Tạm dừng hệ thống thư điện tử", type="Kế hoạch")
    about = add_page(section(agency, "gioi-thieu"), data["change_note"]["title"], slug="gioi-thieu-so")
    about_en = translate(about)
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}

    first, second = Onboarding(), Onboarding()
    seed_records(agencies, first)
    seed_records(agencies, second)

    assert len(first.created) == 3 and second.created == []
    assert Withdrawal.objects.get().translation_key == document.translation_key
    assert data["withdrawn"]["reason"] in public(client, agency, document).text
    assert ChangeNote.objects.count() == 2
    assert data["change_note"]["note"] in public(client, agency, about).text
    assert " ".join(data["change_note"]["note_en"].split()) in " ".join(public(client, agency, about_en).text.split())
