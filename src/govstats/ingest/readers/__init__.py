"""One module per published format; each turns file bytes into candidate Grids.

``govstats.ingest.table.read_table`` is the single entry point: it sniffs the format from the content
(and the extension), calls the reader here, and picks the table to use.
"""
