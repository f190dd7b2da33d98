"""Every write of surveys: building them (``building``) and answering them (``answering``).
Each function takes a keyword-only ``actor``, runs in one transaction and leaves an audit
entry."""

from bashke.consultation.services.surveys.answering import (  # noqa: F401
    ANONYMOUS_PER_HOUR,
    already_answered,
    check_answers,
    check_can_answer,
    closed_message,
    submit_response,
)
from bashke.consultation.services.surveys.building import (  # noqa: F401
    QUESTION_SHAPE,
    QUESTION_WORDING,
    SURVEY_FIELDS,
    add_question,
    create_survey,
    delete_question,
    locked_message,
    set_status,
    update_question,
    update_survey,
)
