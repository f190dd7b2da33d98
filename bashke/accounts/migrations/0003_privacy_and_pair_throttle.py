import django.utils.timezone
from django.db import migrations, models


def forget_failures(apps, schema_editor):
    # Rows counted under the old keys ("email:…", "ip:…") cannot be split into pairs; they
    # are at most a window old and only ever delayed log-ins, so they are dropped.
    apps.get_model("accounts", "LoginFailure").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_login_throttle_and_organisation_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="erased_at",
            field=models.DateTimeField(blank=True, editable=False, null=True,
                                       verbose_name="account deleted"),
        ),
        migrations.AddField(
            model_name="user",
            name="pending_email",
            field=models.EmailField(blank=True, default="", editable=False, max_length=254,
                                    verbose_name="new e-mail address, not yet confirmed"),
        ),
        migrations.RunPython(forget_failures, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="loginfailure", name="accounts_loginfail_key_at"),
        migrations.RemoveField(model_name="loginfailure", name="key"),
        migrations.AddField(
            model_name="loginfailure",
            name="email",
            field=models.CharField(default="", max_length=254,
                                   verbose_name="e-mail address typed"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="loginfailure",
            name="ip",
            field=models.CharField(default="", max_length=100, verbose_name="client address"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="loginfailure",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
        ),
        migrations.AddIndex(
            model_name="loginfailure",
            index=models.Index(fields=["email", "ip", "at"], name="accounts_loginfail_pair_at"),
        ),
        migrations.AddIndex(
            model_name="loginfailure",
            index=models.Index(fields=["ip", "at"], name="accounts_loginfail_ip_at"),
        ),
    ]
