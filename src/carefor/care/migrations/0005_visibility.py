"""Matters, life events and follow-ups: from private yes/no to three levels (only me, the
person's carers, everyone). What was private stays private to its author."""

from django.db import migrations, models

MODELS = ("matter", "lifeevent", "followup")
CHOICES = [
    ("private", "Only me"),
    ("carers", "Their carers"),
    ("workspace", "Everyone in the workspace"),
]


def forward(apps, schema_editor):
    for name in MODELS:
        apps.get_model("care", name).objects.filter(private=True).update(visibility="private")


def backward(apps, schema_editor):
    for name in MODELS:
        apps.get_model("care", name).objects.exclude(visibility="workspace").update(private=True)


class Migration(migrations.Migration):
    dependencies = [("care", "0004_help_and_introductions")]

    operations = [
        *[
            migrations.AddField(
                model_name=name,
                name="visibility",
                field=models.CharField(choices=CHOICES, default="workspace", max_length=12),
            )
            for name in MODELS
        ],
        migrations.RunPython(forward, backward),
        *[migrations.RemoveField(model_name=name, name="private") for name in MODELS],
    ]
