"""What the browser refuses: links that are not http(s), foreign Host headers, stray POSTs.

- ``safe_url(value)``: the URL when its scheme is http or https, else None, so a
  ``javascript:`` URL from a JSONL line, a ``.txt`` header or an RSS ``<link>`` stays text.
- ``guard(app, allowed_hosts=...)``: ASGI middleware answering 400 to a request whose Host
  header is not an allowed host (a DNS-rebinding page cannot read the store), and 405 to a
  POST outside ``/-/`` (Datasette answers those with a 500 of its own). The only POST pages
  are Datasette's own ``/-/`` pages and dyadline's review form.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = ("http", "https")


def safe_url(value) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if any(c in url for c in "\x00\r\n\t") or any(ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in SCHEMES and parts.netloc else None


def host_name(host: str) -> str:
    """The name part of a Host header value: no port, no IPv6 brackets, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


async def _plain(send, status: int, message: str, extra: tuple = ()) -> None:
    body = message.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


def guard(app, *, allowed_hosts: tuple[str, ...]):
    """Wrap an ASGI app with the Host check and the POST rule."""
    allowed = {host_name(h) for h in allowed_hosts}

    async def wrapped(scope, receive, send):
        if scope.get("type") == "http":
            if host_name(_header(scope, b"host")) not in allowed:
                return await _plain(send, 400, "Invalid Host header")
            if scope.get("method") == "POST" and not scope.get("path", "").startswith("/-/"):
                return await _plain(send, 405, "Method not allowed: this server is read-only",
                                    ((b"allow", b"GET, HEAD"),))
        return await app(scope, receive, send)

    return wrapped
