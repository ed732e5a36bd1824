"""The request body limit, before any endpoint reads a body.

A body over the limit gets a 413 with an error entry (code ``too-large``), whether its size is
declared (``Content-Length``) or not (chunked). The body is read at most up to the limit, then
drained without being kept, so that a client that sends the whole body before it reads the answer
(most do, unless they asked ``Expect: 100-continue``) gets the 413 rather than a broken connection;
past :data:`DRAIN_LIMIT` the connection is dropped after the answer instead.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: How much of an oversized body is read (and thrown away) before answering.
DRAIN_LIMIT = 64_000_000


class BodyLimit:
    """ASGI middleware: a 413 for a request body of more than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            if headers.get(b"expect", b"").lower() != b"100-continue":
                await _drain(receive, 0)  # the body is on its way: take it in, then answer
            await self._too_large(send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                if message.get("more_body"):
                    await _drain(receive, len(body))
                await self._too_large(send)
                return
            if not message.get("more_body"):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _too_large(self, send: Send) -> None:
        entry = {"id": None, "path": None, "line": None, "code": "too-large",
                 "message": f"the request body is over the limit of {self.max_bytes} bytes"}
        content = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(content)).encode("ascii"))]})
        await send({"type": "http.response.body", "body": content})


async def _drain(receive: Receive, received: int) -> None:
    """Read the rest of a body without keeping it, up to :data:`DRAIN_LIMIT` bytes in all
    (``received`` of them already read)."""
    while received <= DRAIN_LIMIT:
        message = await receive()
        if message["type"] != "http.request":
            break
        received += len(message.get("body", b""))
        if not message.get("more_body"):
            break


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body read so far in one message, then what the client sends
    next (its disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
