"""Checks: everything that says whether published numbers add up, as one ledger.
``ledger`` holds the record shape, ``table`` the table's identities, bounds and bands,
``stated_month`` the document's own period, ``claims/`` the numbers the prose states."""
