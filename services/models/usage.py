"""How often each procedure's page is read (Điều 11.2: "theo dõi tần suất sử dụng"): one row a page a day."""

from datetime import date

from django.db import connection, models
from django.utils.translation import gettext_lazy as _

# The first year of the portal's online services: no counts, dossiers or roadmaps before it.
FIRST_YEAR = 2025


class ProcedureViewCount(models.Model):
    """How many times a procedure's page, in one language, was read on one day (Asia/Ho_Chi_Minh)."""

    wagtail_reference_index_ignore = True

    procedure = models.ForeignKey(
        "services.ProcedurePage", verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("ngày"))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem thủ tục")
        verbose_name_plural = _("lượt xem thủ tục")
        constraints = [models.UniqueConstraint(fields=["procedure", "day"], name="services_views_procedure_day")]
        indexes = [models.Index(fields=["day"], name="services_views_day")]

    def __str__(self):
        return f"{self.procedure_id} {self.day:%d/%m/%Y}: {self.views}"


def record_views(counts: dict[tuple[int, date], int]) -> None:
    """Add views to procedures: `counts` maps (procedure id, day) to a number of views. One INSERT … ON CONFLICT
    for them all (reporting.usage batches them): simultaneous writers never lose one. PostgreSQL and SQLite 3.24+.
    """
    if not counts:
        return
    table = ProcedureViewCount._meta.db_table
    params = [value for (procedure_id, day), views in counts.items() for value in (procedure_id, day, views)]
    values = ", ".join(["(%s, %s, %s)"] * len(counts))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (procedure_id, day, views) VALUES {values} "  # noqa: S608 - the model's own table
            f"ON CONFLICT (procedure_id, day) DO UPDATE SET views = {table}.views + excluded.views",
            params,
        )
