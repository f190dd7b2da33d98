"""A name typed on an uploaded Word form is not silently dropped: the confirmation page
says that the idea is published under the uploader's account (issue 7, defect 8)."""

from django.urls import reverse
from wordform_helpers import answer_cell, blank_form, fill_completely, upload, write

from bashke.consultation.models import PendingWordForm


def filled_with_name(plan, name):
    document = fill_completely(blank_form(plan, "sq"), "sq")
    write(answer_cell(document, "Emri dhe mbiemri"), name)
    return upload(document)


def confirmation(client, plan, name):
    client.post(reverse("consultation:upload_idea_form", kwargs={"slug": plan.slug}),
                {"file": filled_with_name(plan, name)})
    pending = PendingWordForm.objects.latest("pk")
    assert pending.parsed["answers"].get("submitter_name") == name
    return client.get(reverse("consultation:confirm_word_form",
                              kwargs={"slug": plan.slug, "pk": pending.pk})).content.decode()


def test_another_name_on_the_form_is_said_not_to_be_used(client_for, citizen, open_plan):
    page = confirmation(client_for(citizen), open_plan, "Arben Gjoka")
    assert "The form gives the name “Arben Gjoka”" in page
    assert f"your account&#x27;s name, “{citizen.display_name}”" in page


def test_the_uploaders_own_name_needs_no_note(client_for, citizen, open_plan):
    page = confirmation(client_for(citizen), open_plan, citizen.display_name.upper())
    assert "The form gives the name" not in page
