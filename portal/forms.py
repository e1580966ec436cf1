"""What every public form shares."""


class DescribedFieldsMixin:
    """Ties each field's hint and errors to its input with aria-describedby (WCAG 1.3.1, 3.3.1), by the ids
    components/form_field.html gives them."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            described_by = []
            if field.help_text:
                described_by.append(f"{self[name].auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{self[name].auto_id}_errors")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
