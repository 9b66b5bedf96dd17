"""Receivers of reports: the public board, reports and bills follow every change."""

from participation.reports.models import Report, ReportPhoto, ReportSettings, ReportStep
from portal.page_cache import invalidate_on

invalidate_on(Report, ReportStep, ReportPhoto, ReportSettings)
