"""gunicorn hooks for ``bashke serve`` (passed as ``-c python:bashke.core.gunicorn_conf``).

Ctrl+C in a terminal sends SIGINT to every process of the foreground group: ``serve``,
gunicorn's arbiter, its workers and the task worker at once. gunicorn reads SIGINT as
"stop now", which would cut requests off half-way. Here the arbiter reads it as SIGTERM
(stop accepting, let the workers finish their requests) and the workers ignore it: the
arbiter tells them when to stop, as it does on SIGTERM. A second SIGINT during the stop
still forces a quick shutdown (gunicorn's own rule).
"""

import signal


def when_ready(server):
    server.handle_int = server.handle_term


def post_worker_init(worker):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
