"""Reference data, kept by hand under ``data/reference/``: districts and the profile each uses,
table profiles, the department registry, the rates and counts claims know, published
indicators and targets, and every Chinese label. Read here; used by every stage above."""
