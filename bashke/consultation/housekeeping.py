"""Daily pruning of the consultation app's operational records (see core/housekeeping.py)."""

from bashke.consultation.models.wordform import PendingWordForm
from bashke.consultation.services.wordform import KEEP_PENDING


def prune(now) -> dict:
    # A Word form read but never confirmed is the uploader's unfinished business; after a
    # week it is dropped (it was never an idea, so nothing public is lost).
    deleted, _ = PendingWordForm.objects.filter(created_at__lt=now - KEEP_PENDING).delete()
    return {"word_forms_waiting": deleted}
