"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml). Each runs once per language build."""
