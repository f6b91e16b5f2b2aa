"""Monitoring: the reporting calendar, the measurement workflow's reminders, CSO assessments.

Split into modules: ``calendar`` (reporting calendar, monitoring periods, reminder log) and
``assessments`` (gölge izleme: assessments, their evidence, the municipality's reply and the
stored per-objective summary). Report models live in ``reports`` (the reports engineer's module).
"""

from ortak.monitoring.models.assessments import (
    Assessment,
    AssessmentEvidence,
    AssessmentReply,
    ObjectiveAssessmentSummary,
    Rating,
)
from ortak.monitoring.models.calendar import MonitoringPeriod, ReminderLog, ReportingCalendar
from ortak.monitoring.models.reports import GeneratedReport

__all__ = [
    "Assessment",
    "AssessmentEvidence",
    "AssessmentReply",
    "GeneratedReport",
    "MonitoringPeriod",
    "ObjectiveAssessmentSummary",
    "Rating",
    "ReminderLog",
    "ReportingCalendar",
]
