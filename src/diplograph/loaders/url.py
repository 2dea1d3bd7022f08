"""Fetching a page, feed or corpus by URL, carefully.

Only ``http`` and ``https``. Each hop of a fetch (the first request and every
redirect, at most :attr:`LoadOptions.max_redirects`) resolves the host and
refuses private, loopback, link-local and other non-public addresses unless
``allow_private`` is set; the connection then goes to the address that was
checked, so a second DNS answer cannot swap it. The whole fetch has one
deadline (``timeout`` seconds), the body a size cap (``max_url_bytes``), and
the media type must be one a loader reads. Every refusal or failure is a
:class:`~diplograph.errors.SourceError` naming the URL and the reason.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from diplograph.errors import SourceError

if TYPE_CHECKING:
    from diplograph.loaders import LoadOptions

USER_AGENT = "diplograph/0.1 (+https://w3id.org/diplograph)"
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,text/csv;q=0.8,application/x-ndjson;q=0.8,"
          "*/*;q=0.1")

#: Media types a loader can read; anything else is refused before the body is read.
READABLE_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/xml", "text/xml", "text/plain", "text/csv",
    "text/tab-separated-values", "application/json", "application/x-ndjson",
    "application/jsonl", "text/markdown",
})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched body and what the server said about it."""

    url: str  # after redirects
    data: bytes
    content_type: str | None
    charset: str | None


def url_id(url: str) -> str:
    """A readable, stable document id for a URL: host and path as a slug."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"\.(s?html?|php|aspx?|jsp|cms)$", "", parts.path.rstrip("/"), flags=re.I)
    raw = f"{host}{path}" + (f"-{parts.query}" if parts.query else "")
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-") or "page"
    if len(slug) > 100:
        import hashlib

        slug = f"{slug[:88].rstrip('-')}-{hashlib.sha256(url.encode()).hexdigest()[:10]}"
    return slug


def _check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path) of an http(s) URL; raises SourceError otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError(url, f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(url, f"only http and https URLs can be fetched, not {scheme}:")
    if not parts.hostname:
        raise SourceError(url, "no host in the URL")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def _is_public(ip: str) -> bool:
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


def _resolve(url: str, host: str, port: int, allow_private: bool, deadline: float) -> str:
    """The address to connect to, after the private-address check."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError(url, f"cannot resolve host {host} ({exc})") from None
    if time.monotonic() > deadline:
        raise SourceError(url, "timed out resolving the host")
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise SourceError(url, f"cannot resolve host {host}")
    if not allow_private:
        for ip in addresses:
            if not _is_public(ip):
                where = host if ip == host else f"{host} ({ip})"
                raise SourceError(url, f"refusing to fetch from {where}: a private, loopback "
                                       f"or reserved address (use --allow-private to allow it)")
    return addresses[0]


def _connection(scheme: str, host: str, port: int, ip: str,
                timeout: float) -> http.client.HTTPConnection:
    conn: http.client.HTTPConnection
    if scheme == "https":
        conn = http.client.HTTPSConnection(host, port, timeout=timeout,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        return socket.create_connection((ip, address[1]), *args, **kwargs)

    conn._create_connection = create_connection  # type: ignore[attr-defined]  # pin the IP
    return conn


def _media_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    mtype, _, params = header.partition(";")
    m = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
    return mtype.strip().lower() or None, m.group(1) if m else None


def _size(n: int) -> str:
    mb = 1024 * 1024
    return f"{n // mb} MB" if n % mb == 0 else f"{n} bytes"


def _read_body(url: str, resp: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    mb = _size(limit)
    length = resp.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise SourceError(url, f"larger than {mb} (Content-Length {int(length)})")
    encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise SourceError(url, f"unsupported Content-Encoding {encoding}")
    inflate = None if encoding == "identity" else zlib.decompressobj(
        16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    out = bytearray()
    while True:
        if time.monotonic() > deadline:
            raise SourceError(url, "timed out while reading the body")
        chunk = resp.read1(_CHUNK) if hasattr(resp, "read1") else resp.read(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limit + 1 - len(out))
            except zlib.error as exc:
                raise SourceError(url, f"broken {encoding} body ({exc})") from None
        out += chunk
        if len(out) > limit:
            raise SourceError(url, f"larger than {mb}")
    return bytes(out)


def fetch(url: str, options: LoadOptions | None = None) -> Fetched:
    """GET ``url`` within the limits of ``options``; raises SourceError."""
    from diplograph.loaders import LoadOptions

    options = options or LoadOptions()
    deadline = time.monotonic() + options.timeout
    current = url
    for _hop in range(options.max_redirects + 1):
        scheme, host, port, path = _check_url(current)
        ip = _resolve(url, host, port, options.allow_private, deadline)
        remaining = max(deadline - time.monotonic(), 0.001)
        conn = _connection(scheme, host, port, ip, remaining)
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                               "Accept-Encoding": "gzip, identity"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise SourceError(url, f"HTTP {resp.status} redirect without a Location")
                current = urljoin(current, location.strip())
                if urlsplit(current).scheme.lower() not in ("http", "https"):
                    raise SourceError(url, f"redirected to {current}: only http and https URLs "
                                           f"can be fetched")
                continue
            if resp.status >= 400:
                raise SourceError(url, f"HTTP {resp.status} {resp.reason}".rstrip())
            if resp.status != 200:
                raise SourceError(url, f"unexpected HTTP {resp.status} {resp.reason}".rstrip())
            mtype, charset = _media_type(resp.getheader("Content-Type"))
            if mtype is not None and mtype not in READABLE_TYPES:
                raise SourceError(url, f"unsupported content type {mtype} (expected a web "
                                       f"page, feed, text or corpus)")
            data = _read_body(url, resp, options.max_url_bytes, deadline)
            return Fetched(current, data, mtype, charset)
        except SourceError:
            raise
        except TimeoutError:
            raise SourceError(url, f"timed out after {options.timeout:g} s") from None
        except ssl.SSLError as exc:
            raise SourceError(url, f"TLS error ({exc.reason or exc})") from None
        except ConnectionRefusedError:
            raise SourceError(url, f"connection refused by {host}:{port}") from None
        except (OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise SourceError(url, f"cannot fetch ({reason})") from None
        finally:
            conn.close()
    raise SourceError(url, f"too many redirects (more than {options.max_redirects})")
