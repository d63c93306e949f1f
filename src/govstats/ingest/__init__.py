"""Ingest: a file as received becomes cells and text with provenance, nothing interpreted.
``table`` sniffs the format and picks the table (one RawTable from every reader in
``readers/``), ``bulletin`` reads prose, ``metadata`` reads what period a document states."""
