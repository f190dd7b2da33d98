"""The admin is Bashkë's, in the reader's language (issue 7, defect 6)."""

from django.contrib.auth import get_user_model


def test_the_admin_is_branded_and_in_albanian(client, db):
    admin = get_user_model().objects.create_superuser(email="root@example.org",
                                                      password="x" * 16, display_name="Root")
    client.force_login(admin)
    page = client.get("/sq/admin/").content.decode()
    assert "Bashkë · Administrimi" in page
    assert "Django" not in page.split("<body", 1)[1].split("</header>", 1)[0]


def test_the_task_queue_is_named_in_albanian_too(client, db):
    admin = get_user_model().objects.create_superuser(email="root@example.org",
                                                      password="x" * 16, display_name="Root")
    client.force_login(admin)
    page = client.get("/sq/admin/").content.decode()
    assert "Detyrat në sfond" in page and "Rezultatet e detyrave" in page
    assert "Task Results" not in page and "Tasks Database Backend" not in page
