"""Daily pruning of the accounts app's operational records (see core/housekeeping.py)."""

from bashke.accounts import throttle


def prune(now) -> dict:
    # Failed log-ins stop counting after a day (the growing delay's memory); older rows
    # only say who typed which address from where.
    return {"failed_log_ins": throttle.prune(now)}
