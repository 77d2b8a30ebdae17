"""The live server and the test share one connection to the in-memory SQLite test database, and
use it one at a time.

On SQLite the tests' database lives in memory. Django hands the live server the connection the
test thread had when the server started (`connections_override`), but pytest-django starts the
server once per session, and by the time a later test runs, its thread talks to the database
through another connection. Two connections to one shared in-memory database lock each other's
tables ("database table is locked"), and the server's request threads, all on the one connection
they were handed, interleave their transactions ("no such savepoint"): 500s the product never
gives, since each of its server threads has its own connection to a database on disk.

So before each test the server is pointed at the test thread's connection; a request holds a
lock from its start until its response is closed (when Django's `request_finished` runs); and
every query of another thread (the test's) takes the same lock. On PostgreSQL nothing is shared.
"""

import threading

from django.db import connections

LOCK = threading.RLock()


def share_the_test_connection(live_server) -> None:
    override = live_server.thread.connections_override
    for alias in list(override):
        connection = connections[alias]
        if override[alias] is not connection:
            # The same dict is the server's: each request thread takes its connections from it.
            override[alias] = connection
            connection.inc_thread_sharing()
        if between_requests not in connection.execute_wrappers:
            connection.execute_wrappers.append(between_requests)
    httpd = live_server.thread.httpd
    if override and not getattr(httpd.get_app(), "one_request_at_a_time", False):
        httpd.set_app(one_request_at_a_time(httpd.get_app()))


def one_request_at_a_time(app):
    def serve(environ, start_response):
        with LOCK:
            response = app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()

    serve.one_request_at_a_time = True
    return serve


def between_requests(execute, sql, params, many, context):
    with LOCK:
        return execute(sql, params, many, context)
