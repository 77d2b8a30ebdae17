"""Backups of a whole installation, and their restoration (`manage.py backup`, `restore`).

A school that loses its server must not lose its site: one archive holds the database, the
uploaded files and a manifest (versions, applied migrations, a checksum of every member), and
`restore` puts it back only after checking all of it, so that a damaged, foreign or mismatched
archive changes nothing. Archives hold personal data and can be encrypted with a key from the
environment (encryption.py). Retention (retention.py) keeps a bounded set of dated archives.
"""
