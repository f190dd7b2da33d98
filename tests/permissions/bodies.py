"""The bodies the matrix's POST rows send, and the signed links its rows follow: what the
people allowed to send them would have sent, so that a refusal that still wrote something
shows in the database."""

import surveys_helpers  # on the path through permissions/__init__.py
from django.core.files.uploadedfile import SimpleUploadedFile
from wordform_helpers import blank_form, fill_completely, to_bytes, upload

from bashke.accounts.models import Sector
from bashke.consultation import notifications
from bashke.core.pdf import simple_pdf


def idea_body(s, **extra):
    data = {"title": "Open contracts", "goal": s.component.goal_id,
            "component": s.component.pk, "language": "en",
            "overall_idea": "Publish every contract.", "problem": "", "solution": "",
            "objective_impact": "", "beneficiaries": "", "improves_transparency": "yes",
            "transparency_explanation": "More data.", "improves_participation": "",
            "participation_explanation": "", "improves_accountability": "no",
            "accountability_explanation": "", "improves_technology": "",
            "technology_explanation": "", "other_agencies": "", "on_behalf": "person"}
    data.update(extra)
    return data


def meeting_body(s, **extra):
    data = {"component": s.component.pk, "kind": "consultation",
            "title_sq": "Takim për drejtësinë", "title_en": "Meeting on justice",
            "starts_at": "2031-03-05T10:00", "ends_at": "2031-03-05T12:00",
            "place": "Ministria e Drejtësisë, Tiranë", "online_url": "", "capacity": "25",
            "organiser": "", "description_sq": "", "description_en": "", "agenda_sq": "",
            "agenda_en": "1. Welcome"}
    data.update(extra)
    return data


def brief_body(s, **extra):
    data = {"kind": "background", "component": s.component.pk, "title_sq": "Sfondi 2",
            "title_en": "Background 2", "body_sq": "", "body_en": "More.", "order": "2",
            "published": "on"}
    data.update(extra)
    return data


def example_body(s, **extra):
    data = {"theme": "digital", "country_code": "FR", "country_sq": "Franca",
            "country_en": "France", "place_sq": "", "place_en": "", "period": "2018–2020",
            "start_year": "2018", "end_year": "2020", "title_sq": "Paris", "title_en": "Paris",
            "summary_sq": "Përmbledhje", "summary_en": "Summary",
            "source_url": "https://example.org/paris", "published": "on", "slug": "paris"}
    data.update(extra)
    return data


SURVEY_BODY = {"title_sq": "Pyetësor", "title_en": "Survey", "intro_sq": "", "intro_en": "",
               "opens_at": "2031-03-01T09:00", "closes_at": "2031-03-31T18:00",
               "results_visibility": "after_close"}


def survey_body(s):
    return {**SURVEY_BODY, "component": s.component.pk}


def question_body(s):
    data = {"kind": "short_text", "text_sq": "Pyetja", "text_en": "The question",
            "required": "on"}
    data.update({f"new-{n}-{lang}": "" for n in range(1, 5) for lang in ("sq", "en")})
    return data


def question_edit_body(s):
    question = s.draft_question
    data = {"kind": question.kind, "text_sq": "Një frut (ndryshuar)",
            "text_en": "One fruit (changed)", "required": "on"}
    for option in question.options.all():
        data[f"option-{option.pk}-sq"] = option.label_sq
        data[f"option-{option.pk}-en"] = option.label_en
    data.update({f"new-{n}-{lang}": "" for n in range(1, 5) for lang in ("sq", "en")})
    return data


def survey_answers(s):
    survey = s.survey
    return surveys_helpers.as_post(survey, surveys_helpers.full_answers(survey))


def filled_docx(s):
    # Building the form costs a quarter of a second: once per scene is enough.
    if "filled_docx" not in s.objects:
        s.objects["filled_docx"] = to_bytes(fill_completely(blank_form(s.plan)))
    return s.filled_docx


def filled_form(s):
    return {"file": upload(filled_docx(s))}


def batch_forms(s):
    return {"files": [upload(filled_docx(s))]}


def confirm_body(s):
    from bashke.consultation.forms.wordform import initial_from

    pending = s.pending
    data = {}
    for key, value in initial_from(pending, s.users["author"]).items():
        if value is None or value is False:
            continue
        data[key] = (["" if v is None else v for v in value] if isinstance(value, list)
                     else ("on" if value is True else value))
    return data


def pdf(name="annex.pdf"):
    return SimpleUploadedFile(name, simple_pdf(["Annex"]), content_type="application/pdf")


def unsubscribe_token(s):
    return {"token": notifications.unsubscribe_token(s.users["author"], s.idea)}


def verify_token(s):
    from bashke.accounts import tokens

    return {"token": tokens.verification_token(s.users["citizen"])}


def reset_kwargs(s):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = s.users["citizen"]
    return {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user)}


def email_change_token(s):
    from bashke.accounts import tokens

    return {"token": tokens.email_change_token(s.users["citizen"])}


def profile_body(s):
    return {"display_name": "A new name", "organisation": "", "sector": Sector.CITIZEN,
            "gender": "", "preferred_language": "en"}


PASSWORD = "correct horse battery staple"
