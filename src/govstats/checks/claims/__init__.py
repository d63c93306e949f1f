"""Claims: the numeric statements of a bulletin's prose, each checked against its own parts.

``numbers`` reads figures, ``prose`` the sentences and brackets around them, ``sums`` and
``percentages`` find the relations the text states, ``verdicts`` judges them by the rounding
rules, ``records`` shapes them for the ledger and JSON, ``extract`` is the entry point.
A claim is a relation the text states, never one that merely happens to hold."""
