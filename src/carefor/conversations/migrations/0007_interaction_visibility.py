"""Notes: from private yes/no to three levels (only me, the person's carers, everyone).
A note that was private stays private to its author."""

from django.db import migrations, models


def forward(apps, schema_editor):
    Interaction = apps.get_model("conversations", "Interaction")
    Interaction.objects.filter(private=True).update(visibility="private")


def backward(apps, schema_editor):
    Interaction = apps.get_model("conversations", "Interaction")
    Interaction.objects.exclude(visibility="workspace").update(private=True)


class Migration(migrations.Migration):
    dependencies = [("conversations", "0006_interaction_private")]

    operations = [
        migrations.AddField(
            model_name="interaction",
            name="visibility",
            field=models.CharField(
                choices=[
                    ("private", "Only me"),
                    ("carers", "Their carers"),
                    ("workspace", "Everyone in the workspace"),
                ],
                db_default="workspace",
                default="workspace",
                max_length=12,
            ),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="interaction", name="private"),
    ]
