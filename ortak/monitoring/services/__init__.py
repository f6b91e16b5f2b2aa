"""Every write of monitoring (STYLE rule 1), one module per use-case family.

- ``calendar``: the reporting calendar, monitoring periods and the due dates plans reads;
- ``workflow``: a measured value from draft to submitted to published;
- ``assessments``: CSO assessments, their evidence, the municipality's reply, the summaries;
- ``reminders``: the daily reminder and escalation schedule.

Each service is keyword-only and typed, runs in one transaction, checks its permission with
``ortak.monitoring.permissions``, validates with ``full_clean()``, leaves an audit row and sends
its notifications after commit.
"""
