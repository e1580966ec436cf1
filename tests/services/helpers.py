"""Dossiers for the services tests, made directly in the database."""

from django.core.files.base import ContentFile
from django.utils import timezone

from services.models import Dossier, DossierEvent, DossierFile
from services.models.dossiers import next_code
from vietnam.workdays import add_working_days


def make_dossier(procedure, *, files=(), **fields) -> Dossier:
    """A dossier of `procedure` as the online form leaves it (received, with its first step), `fields` changed.

    `files`: (component label, file name, content) each, saved in the private storage.
    """
    submitted = fields.get("submitted_at") or timezone.now()
    values = {
        "applicant": "Lê Thị Hoa",
        "email": "hoa@example.vn",
        "phone": "0912345678",
        "answers": [["Tên hộ kinh doanh", "Tạp hóa Hoa Lý Sơn"], ["Ngành nghề", "Bán lẻ"]],
        "submitted_at": submitted,
        "due_on": add_working_days(timezone.localdate(submitted), 3),
        **fields,
    }
    dossier = Dossier.objects.create(
        code=next_code(procedure.agency, timezone.localdate(submitted)),
        procedure=procedure,
        agency=procedure.agency,
        **values,
    )
    DossierEvent.objects.create(dossier=dossier, action=DossierEvent.Action.RECEIVED, status=Dossier.Status.RECEIVED)
    for label, name, content in files:
        attached = DossierFile(dossier=dossier, label=label, name=name, size=len(content))
        attached.file.save(name, ContentFile(content), save=False)
        attached.save()
    return dossier
