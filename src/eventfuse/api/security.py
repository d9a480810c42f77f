"""Bearer tokens: one to ingest (required: without it POST /articles is refused), one to read
(optional: without it reading is open)."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _same(given: str, expected: str) -> bool:
    # compare_digest: no timing side channel on how many leading characters matched
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_token(request: Request, expected: str | None, *, purpose: str) -> None:
    """Raise 401 when the request lacks ``expected``; 403 when no token is configured."""
    if expected is None:
        raise HTTPException(
            status_code=403,
            detail=f"{purpose} is disabled: no token configured (set EVENTFUSE_INGEST_TOKEN)",
        )
    given = bearer_token(request)
    if given is None or not _same(given, expected):
        raise HTTPException(
            status_code=401,
            detail=f"{purpose} needs 'Authorization: Bearer <token>' with the configured token",
            headers={"WWW-Authenticate": "Bearer"},
        )


def check_read(request: Request, read_token: str | None, ingest_token: str | None) -> None:
    """Reading is open unless a read token is configured; the ingest token may read too."""
    if read_token is None:
        return
    given = bearer_token(request)
    allowed = [t for t in (read_token, ingest_token) if t is not None]
    if given is None or not any(_same(given, t) for t in allowed):
        raise HTTPException(
            status_code=401,
            detail="reading needs 'Authorization: Bearer <token>' (EVENTFUSE_READ_TOKEN is set)",
            headers={"WWW-Authenticate": "Bearer"},
        )
