from wagtail.admin.forms import WagtailAdminPageForm


class PersonalDataPageForm(WagtailAdminPageForm):
    """Records who entered a person's consent to publication, so it can be traced (R5).

    The editor enters the date; the form notes the editing user when the date first appears and
    forgets them when the date is removed.
    """

    def save(self, commit=True):
        for formset in self.formsets.values():
            if not hasattr(formset.model, "consent_recorded_by"):
                continue
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                person = form.instance
                if person.consent_date is None:
                    person.consent_recorded_by = None
                elif person.consent_recorded_by_id is None:
                    person.consent_recorded_by = self.for_user
        return super().save(commit=commit)
