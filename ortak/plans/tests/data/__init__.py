"""Test files for the import/export tests: built in code (``builders``), so they stay tiny."""
