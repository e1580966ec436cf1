"""Page fields that are not text and must be the same in every language (a leader's rank and photo, a week's
Monday), kept so without wagtail-localize's synced editor, which this portal does not use (translations are draft
copies edited in the ordinary editor, so the BBT sees them: README, "English passes the BBT too")."""

from django.conf import settings


class SynchronizedFieldsMixin:
    """For a page model with `synchronized_fields`: the default language's page is their source.

    Publishing the source writes them on its translations (a plain update: the BBT approved these values already);
    saving a translation takes them from its source, so a value typed in the English editor cannot drift.
    Declare them to wagtail-localize too (`override_translatable_fields`), for its "Sync translated pages".
    """

    synchronized_fields: list[str] = []

    def _synchronized_attnames(self) -> list[str]:
        return [self._meta.get_field(name).attname for name in self.synchronized_fields]

    def save(self, *args, **kwargs):
        full_save = kwargs.get("update_fields") is None  # creation, publication (drafts save a few fields only)
        is_source = self.locale.language_code == settings.LANGUAGE_CODE
        attnames = self._synchronized_attnames()
        if full_save and attnames and not is_source:
            source = (
                type(self)
                .objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
                .values(*attnames)
                .first()
            )
            for attname, value in (source or {}).items():
                setattr(self, attname, value)
        result = super().save(*args, **kwargs)
        if full_save and attnames and is_source and self.live:
            values = {attname: getattr(self, attname) for attname in attnames}
            type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(**values)
        return result
