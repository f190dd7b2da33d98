"""Admin registrations, one module per sub-domain (consultation/admin_*.py)."""
from bashke.consultation import admin_briefs  # noqa: E402, F401, I001
from bashke.consultation import admin_deliberation  # noqa: E402, F401
from bashke.consultation import admin_meetings  # noqa: E402, F401
from bashke.consultation import admin_surveys  # noqa: E402, F401
