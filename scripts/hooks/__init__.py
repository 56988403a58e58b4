"""The event handlers of the ``proposal`` MkDocs plugin (scripts/plugin.py), one module per job.
Each runs once per language build."""
