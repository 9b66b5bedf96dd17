"""Two (or ten) handlers accepting one report at once: exactly one wins, one 已受理 step.
Real threads on the suite's database, as the ballot and support tests do."""

from participation.reports import loop
from participation.reports.choices import Handler, Status
from participation.reports.models import Report, ReportStep
from participation.votes.ballots import BallotRefused
from tests.factories.reports import ReportFactory, property_staff
from tests.participation.votes.test_ballot_concurrency import run_concurrently

HANDLERS = 10


def test_racing_handlers_accept_a_report_once(transactional_db):
    from participation.roles import ensure_roles

    ensure_roles()
    report = ReportFactory()
    staff = [property_staff(f"wuye{n}") for n in range(HANDLERS)]

    def attempt(n):
        try:
            loop.accept(report, staff[n], Handler.PROPERTY)
        except loop.StepRefused as refused:
            raise BallotRefused(str(refused)) from None

    outcomes = run_concurrently(attempt, HANDLERS)
    assert outcomes.count("stored") == 1, outcomes
    assert outcomes.count("refused") == HANDLERS - 1, outcomes
    assert ReportStep.objects.filter(report=report, status=Status.ACCEPTED).count() == 1
    assert Report.objects.get(pk=report.pk).accepted_by in staff
