"""Monitoring pages: thin function views (STYLE rule 3), one module per page family."""
