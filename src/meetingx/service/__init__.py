"""The HTTP service, ``meetingx serve``: the CLI's extraction and validation as endpoints with a
published OpenAPI document (``/openapi.json``).

One server process (uvicorn, one event loop) reads requests, and ``workers`` processes extract
(:mod:`.pool`, :mod:`meetingx.worker`), each document limited to ``timeout`` seconds. It needs the
``service`` extra: ``pip install 'meetingx[service]'``.
"""

from __future__ import annotations

from meetingx.service.app import create_app
from meetingx.service.pool import WorkerPool

__all__ = ["WorkerPool", "create_app", "serve"]


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1, timeout: float = 60.0,
          tagger: bool = True) -> None:
    """Run the service until it is stopped (Ctrl-C, SIGTERM): it then finishes the requests in
    hand, stops its workers, and ends by the signal it got (uvicorn's way; systemd counts SIGTERM
    as a clean stop)."""
    import uvicorn

    pool = WorkerPool(workers, timeout, tagger)
    try:
        uvicorn.run(create_app(pool, owns_pool=True), host=host, port=port, log_level="info")
    finally:
        pool.close()  # if the server failed to start
