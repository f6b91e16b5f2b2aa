"""Reads of monitoring (STYLE rule 2), one module per page family: ``dashboard``, ``history``,
``assessments``, ``freshness``. Each states its number of queries, pinned by a test."""
