from django.db import migrations, models


def first_row(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("memo", "Revision").objects.create(pk=1, value="initial")


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []  # type: ignore[type-arg]

    operations = [
        migrations.CreateModel(
            name="Revision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
