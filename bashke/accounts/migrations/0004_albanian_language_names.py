# The e-mail language is named in the page's language ("Anglisht" on an Albanian page).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_privacy_and_pair_throttle"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(choices=[("sq", "Albanian"), ("en", "English")],
                                   default="sq", max_length=2, verbose_name="language"),
        ),
    ]
