"""Capturing what a request asks of the database, for the tests of what is remembered."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_with_queries(client, url):
    """One GET of ``url``: the response and the SQL of every query it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"] for query in captured]


def queries_reading(client, url, table):
    """One GET of ``url``: the SQL of its queries that read ``table``, and the page."""
    response, queries = get_with_queries(client, url)
    return [sql for sql in queries if table in sql], response
