"""Render: what readers see. Charts and HTML fragments with Chinese labels, the words numbers
are printed in, and the export of an executed notebook to offline HTML and PDF."""
