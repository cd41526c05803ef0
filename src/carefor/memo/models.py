from django.db import models


class Revision(models.Model):
    """One row: a random value that changes after every committed write to the notebook.
    Remembered answers are filed under it, so a change anywhere makes them all stale."""

    value = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.value
