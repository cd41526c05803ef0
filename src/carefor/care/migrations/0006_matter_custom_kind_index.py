"""A partial index for the workspace's own matter kinds (the kinds menu on every person
page read every matter without it: docs/benchmarks.md, load test)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("care", "0005_visibility")]

    operations = [
        migrations.AddIndex(
            model_name="matter",
            index=models.Index(
                condition=models.Q(
                    (
                        "kind__in",
                        (
                            "goal",
                            "challenge",
                            "hope",
                            "worry",
                            "value",
                            "family",
                            "health",
                            "preference",
                        ),
                    ),
                    _negated=True,
                ),
                fields=["workspace", "kind"],
                name="matter_custom_kind",
            ),
        ),
    ]
