from .slugs import LatinSlugPageForm


class PersonalDataPageForm(LatinSlugPageForm):
    """Records who entered a person's consent to publication, so it can be traced (R5).

    The editor enters the date; the form notes the editing user when the date first appears and
    forgets them when the date is removed.
    """

    def save(self, commit=True):
        note_consent_recorders(self, self.for_user)
        return super().save(commit=commit)


def note_consent_recorders(form, user) -> None:
    """Walk the form's inline formsets, nested ones too (a management body's people)."""
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if not hasattr(child, "cleaned_data") or child.cleaned_data.get("DELETE"):
                continue
            person = child.instance
            if hasattr(person, "consent_recorded_by"):
                if person.consent_date is None:
                    person.consent_recorded_by = None
                elif person.consent_recorded_by_id is None:
                    person.consent_recorded_by = user
            note_consent_recorders(child, user)
