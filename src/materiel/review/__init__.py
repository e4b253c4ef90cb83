"""Reviewing events: accept, reject, edit, add a missed one, undo; every change goes to an
append-only audit log; agreement between reviewers (Cohen's kappa)."""

from materiel.review.actions import (
    EventEdit,
    NewEvent,
    NotFound,
    accept,
    add_event,
    edit,
    reject,
    undo,
)
from materiel.review.agreement import Agreement, agreement, cohen_kappa

__all__ = ["Agreement", "EventEdit", "NewEvent", "NotFound", "accept", "add_event",
           "agreement", "cohen_kappa", "edit", "reject", "undo"]
