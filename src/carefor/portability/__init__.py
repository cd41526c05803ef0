"""Backup, restore and export: getting your notebook out of carefor, whole or in part.

A plain package (no models): `backup` copies and restores the whole database, `export`
writes one member's view of one workspace as JSON, vCard or CSV. See docs/deploy.md.
"""
