"""The table in the admin: read-only, and only the rows of the plans one works on."""

import pytest
from table_helpers import build_table

from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_shows_ones_own_rows_and_changes_nothing(client_for, plan, component,
                                                           previous_plan, staff_without_role):
    build_table(component, activities=1)
    coordinator = make_user("coord-admin@example.org", "Coordinator", is_staff=True)
    plan_services.assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    page = client_for(coordinator).get("/en/admin/drafting/activity/")
    assert page.status_code == 200 and "Establishing site 1.1.1" in page.content.decode()
    assert client_for(coordinator).get("/en/admin/drafting/activity/add/").status_code == 403
    elsewhere = make_user("elsewhere-admin@example.org", "Elsewhere", is_staff=True)
    plan_services.assign_role(previous_plan, elsewhere, Role.COORDINATOR, actor=None)
    page = client_for(elsewhere).get("/en/admin/drafting/activity/")
    assert "Establishing site" not in page.content.decode()
    assert client_for(staff_without_role).get("/en/admin/drafting/activity/").status_code == 403
