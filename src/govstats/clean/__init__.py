"""Clean: a RawTable becomes the tidy month table. ``headers`` finds the header and its
columns, ``rows`` reads the body rows, ``month`` assembles the MonthTable."""
