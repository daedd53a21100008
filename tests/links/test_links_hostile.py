"""Hostile and broken pages: each ends in bounded time and memory, with a verdict and a reason.

Malformed HTTP comes from ``raw_server`` (scripted bytes on loopback). The
address policy is tested without a packet to any private address: with an
``httpx.MockTransport``, or with a stand-in resolver and a stand-in
connector for the network backend, or with names resolved to loopback.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import httpcore
import httpx
import pytest
from links_testweb import Host, html_page
from raw_server import RawServer, Script

from citecheck.config import LinkSettings, load_settings
from citecheck.errors import ConfigError
from citecheck.links import addresses, check_links
from citecheck.links.addresses import AddressPolicy, AddressRefused, address_of, url_refusal
from citecheck.links.bodies import BodyDecoder
from citecheck.links.connections import GuardedBackend
from citecheck.model import LinkResult, LinkStatus

pytestmark = pytest.mark.timeout(30)

PAGE = html_page("A page", "<p>Some words about rivers.</p>")


@pytest.fixture
def raw() -> Iterator[Callable[[Script], RawServer]]:
    servers: list[RawServer] = []

    def make(script: Script) -> RawServer:
        server = RawServer(script)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture
def quick(settings: LinkSettings) -> LinkSettings:
    """One retry at most, no soft-404 probe: each hostile answer is met as few times as possible."""
    return replace(settings, timeout=1.0, retries=1, probe_soft_404=False)


def check(
    cited: Sequence[str] | Mapping[str, Sequence[str]], settings: LinkSettings, **options: object
) -> tuple[dict[str, LinkResult], float]:
    mapping = cited if isinstance(cited, Mapping) else {url: ["1"] for url in cited}
    started = time.perf_counter()
    results = asyncio.run(check_links(mapping, settings, **options))  # type: ignore[arg-type]
    return {result.url: result for result in results}, time.perf_counter() - started


def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


# --------------------------------------------------------------------------
# Compression bombs
# --------------------------------------------------------------------------


def gzip_of_zeros(mebibytes: int) -> bytes:
    """A gzip stream of ``mebibytes`` MiB of zeros, about 1 KiB per MiB, made in a moment.

    After a full flush deflate forgets its history, so each further MiB of
    zeros compresses to the same bytes: they are repeated, not recomputed. The
    stream has no end (no trailer): a reader that needs the end never stops.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1024 * 1024)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + again * (mebibytes - 1)


def test_a_gzip_bomb_is_read_to_the_cap_in_decoded_bytes(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    bomb = gzip_of_zeros(2048)  # 2 GiB of zeros in about 2 MB

    async def serve_bomb(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head(Content_Type="text/html", Content_Encoding="gzip", Connection="close"))
        writer.write(bomb)  # at once, so the client reads it in full 64 KiB chunks
        await writer.drain()

    server = raw(serve_bomb)
    tracemalloc.start()
    try:
        results, elapsed = check([server.url("/bomb")], quick)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    result = results[server.url("/bomb")]
    assert result.status is LinkStatus.ALIVE  # the page answered; only its size is hostile
    assert elapsed < 10
    # Inflating one 64 KiB chunk of this at once (as httpx does) makes 64 MB in one piece.
    assert peak < 24 * 1024 * 1024


def test_the_decoder_never_makes_more_than_a_step_at_once() -> None:
    bomb = gzip_of_zeros(64)  # 64 MiB of zeros in about 64 KiB
    decoder = BodyDecoder("gzip")
    pieces = decoder.feed(bomb)
    first = next(pieces)
    assert len(first) <= 64 * 1024
    # Taking a few pieces costs a few pieces: the rest is never decoded.
    taken = [first, *(next(pieces) for _ in range(3))]
    assert all(len(piece) <= 64 * 1024 for piece in taken)


def test_the_decoder_undoes_stacked_and_raw_codings() -> None:
    text = b"rivers and walls " * 5000
    gz = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    once = gz.compress(text) + gz.flush()
    gz2 = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    twice = gz2.compress(once) + gz2.flush()
    assert b"".join(BodyDecoder("gzip, gzip").feed(twice)) == text
    assert b"".join(BodyDecoder("deflate").feed(zlib.compress(text))) == text
    rawdeflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    bare = rawdeflate.compress(text) + rawdeflate.flush()
    assert b"".join(BodyDecoder("deflate").feed(bare)) == text
    assert not BodyDecoder("br").decodable
    assert BodyDecoder("identity").decodable


def test_a_body_in_a_coding_we_did_not_ask_for_is_not_read(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    async def brotli(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        body = b"\x8b\x02\x80" * 1000  # not decoded, so never looked at
        writer.write(head(Content_Type="text/html", Content_Encoding="br") + body)
        writer.write(b"")
        await writer.drain()
        await asyncio.sleep(5)

    server = raw(brotli)
    results, elapsed = check([server.url("/br")], quick)
    result = results[server.url("/br")]
    assert result.status is LinkStatus.ALIVE
    assert result.page_text is None
    assert elapsed < 5


# --------------------------------------------------------------------------
# Slow, endless and broken answers
# --------------------------------------------------------------------------


def test_a_slow_drip_ends_at_the_urls_deadline(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    async def drip(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # A byte every 0.2 s: always under the 1 s read timeout, never finished.
        writer.write(head(Content_Type="text/html", Content_Length="100000"))
        while True:
            writer.write(b"x")
            await writer.drain()
            await asyncio.sleep(0.2)

    server = raw(drip)
    results, elapsed = check([server.url("/drip")], quick)
    result = results[server.url("/drip")]
    assert result.status is LinkStatus.TIMEOUT
    assert "within 3 s in all" in result.reason
    assert elapsed < 8  # the deadline is 3 x timeout, across HEAD, GET and the retry


def test_headers_dripped_forever_end_at_the_deadline(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    async def drip_headers(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\n")
        for number in range(10**9):
            writer.write(f"X-{number}: y\r\n".encode())
            await writer.drain()
            await asyncio.sleep(0.2)

    server = raw(drip_headers)
    results, elapsed = check([server.url("/h")], quick)
    assert results[server.url("/h")].status is LinkStatus.TIMEOUT
    assert elapsed < 8


@pytest.mark.parametrize("shape", ["one long header", "endless headers"])
def test_huge_headers_are_refused_as_browsers_refuse_them(
    raw: Callable[[Script], RawServer], quick: LinkSettings, shape: str
) -> None:
    async def flood(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\n")
        if shape == "one long header":
            writer.write(b"X-Long: ")
            for _ in range(1024):  # a megabyte
                writer.write(b"a" * 1024)
                await writer.drain()
            writer.write(b"\r\n\r\n")
        else:
            for number in range(10**9):
                writer.write(f"X-{number}: {'b' * 40}\r\n".encode())
                await writer.drain()
        await writer.drain()

    server = raw(flood)
    results, elapsed = check([server.url("/big")], quick)
    result = results[server.url("/big")]
    assert result.status is LinkStatus.DEAD
    assert "100 KiB" in result.reason
    assert elapsed < 10


def test_too_many_headers_are_refused(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    many = "".join(f"X-{n}: y\r\n" for n in range(400))

    async def crowd(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(f"HTTP/1.1 200 OK\r\n{many}Content-Length: 0\r\n\r\n".encode())
        await writer.drain()

    server = raw(crowd)
    result = check([server.url("/many")], quick)[0][server.url("/many")]
    assert result.status is LinkStatus.DEAD
    assert "400 headers" in result.reason or "headers" in result.reason


def test_a_connection_reset_mid_body_is_unverified(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    async def reset(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head(Content_Type="text/html", Content_Length="100000") + b"<p>" * 300)
        await writer.drain()
        sock = writer.get_extra_info("socket")
        # SO_LINGER 0: close() sends a TCP reset instead of a clean FIN.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    server = raw(reset)
    results, elapsed = check([server.url("/reset")], quick)
    result = results[server.url("/reset")]
    assert result.status is LinkStatus.TIMEOUT
    assert result.reason.startswith("unverified:")
    assert elapsed < 5


def test_broken_chunked_encoding_is_unverified(
    raw: Callable[[Script], RawServer], quick: LinkSettings
) -> None:
    async def garbled(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(head(Content_Type="text/html", Transfer_Encoding="chunked"))
        writer.write(b"5\r\nhello\r\nnot-a-size\r\nwhatever\r\n")
        await writer.drain()
        await asyncio.sleep(5)

    server = raw(garbled)
    results, elapsed = check([server.url("/chunks")], quick)
    result = results[server.url("/chunks")]
    assert result.status is LinkStatus.TIMEOUT
    assert "garbled" in result.reason
    assert elapsed < 5


@pytest.mark.parametrize(
    "target",
    ["file:///etc/passwd", "data:text/html,<p>hi</p>", "javascript:alert(1)", "ftp://f.test/x"],
)
def test_a_redirect_to_a_non_web_scheme_is_dead(
    new_host: Callable[[], Host], quick: LinkSettings, target: str
) -> None:
    site = new_host()
    site.redirect("/away", target, status=301)
    result = check([site.url("/away")], quick)[0][site.url("/away")]
    assert result.status is LinkStatus.DEAD
    # Named as it is ("to ftp://..."), never "to a ftp: address"; the report shows where it led.
    assert result.reason.startswith(f"it redirects to {target}, not a web page")
    assert result.final_url == target


# --------------------------------------------------------------------------
# The address policy, without a packet to any private address
# --------------------------------------------------------------------------


class Recorder(httpx.MockTransport):
    """A mock web: every request recorded; redirects as scripted, pages otherwise."""

    def __init__(self, redirects: Mapping[str, str] | None = None) -> None:
        self.seen: list[str] = []
        moves = dict(redirects or {})

        def handler(request: httpx.Request) -> httpx.Response:
            url = str(request.url)
            self.seen.append(url)
            if url in moves:
                return httpx.Response(302, headers={"Location": moves[url]})
            return httpx.Response(200, html="<title>Intranet</title><p>hello</p>")

        super().__init__(handler)


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/wiki",
        "http://192.168.0.1/",
        "http://172.16.5.4/",
        "http://100.64.0.1/",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://2852039166/",  # 169.254.169.254 as one number
        "http://0xa9.0xfe.0xa9.0xfe/",
        "http://0.0.0.0/",
    ],
)
def test_a_cited_private_or_link_local_address_is_excluded(quick: LinkSettings, url: str) -> None:
    web = Recorder()
    result = check([url], quick, transport=web)[0][url]
    assert result.status is LinkStatus.EXCLUDED
    assert "allow-private-addresses" in result.reason
    assert web.seen == []


def test_the_reason_names_the_kind_of_address(quick: LinkSettings) -> None:
    url = "http://169.254.169.254/latest/meta-data/"
    result = check([url], quick, transport=Recorder())[0][url]
    assert "169.254.169.254 is a link-local address" in result.reason
    url = "http://2852039166/"
    result = check([url], quick, transport=Recorder())[0][url]
    assert "2852039166 is 169.254.169.254" in result.reason


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://10.0.0.7:8080/admin",
        "http://[fd12:3456::1]/",
        "http://127.0.0.1:631/",  # a public page may not lead to this machine
        "http://localhost:6379/",
    ],
)
def test_a_redirect_hop_to_a_refused_address_is_excluded_and_not_followed(
    quick: LinkSettings, target: str
) -> None:
    start = "https://public.test/moved"
    web = Recorder({start: target})
    result = check([start], quick, transport=web)[0][start]
    assert result.status is LinkStatus.EXCLUDED
    assert f"it redirects to {target}" in result.reason
    assert all(not url.startswith(target.rstrip("/")) for url in web.seen)


def test_the_setting_allows_intranet_addresses(quick: LinkSettings) -> None:
    intranet = replace(quick, allow_private_addresses=True)
    url = "http://10.1.2.3/wiki"
    start = "https://public.test/go"
    web = Recorder({start: "http://192.168.0.9/page"})
    results = check([url, start], intranet, transport=web)[0]
    assert results[url].status is LinkStatus.ALIVE
    assert results[start].status is LinkStatus.ALIVE
    assert "http://192.168.0.9/page" in web.seen


def test_a_loopback_citation_may_redirect_on_loopback(quick: LinkSettings) -> None:
    start = "http://127.0.0.1:8000/draft"
    web = Recorder({start: "http://localhost:8000/draft/"})
    result = check([start], quick, transport=web)[0][start]
    assert result.status is LinkStatus.ALIVE
    assert web.seen[-1] == "http://localhost:8000/draft/"


def test_literal_forms_are_read_as_browsers_read_them() -> None:
    assert str(address_of("2852039166")) == "169.254.169.254"
    assert str(address_of("0251.0376.0251.0376")) == "169.254.169.254"
    assert str(address_of("[::ffff:10.0.0.1]")) == "10.0.0.1"
    assert str(address_of("fe80::1%eth0")) == "fe80::1"
    assert address_of("example.org") is None
    assert address_of("cafe.be") is None
    policy = AddressPolicy()
    assert url_refusal("https://93.184.216.34/", policy, loopback_ok=False) is None
    assert url_refusal("https://example.org/", policy, loopback_ok=False) is None


class FakeConnector:
    """Stands in for ``loop.create_connection``: records where it was asked to go, never goes."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int) -> None:
        self.asked.append((host, port))
        raise OSError(111, "Connection refused (stand-in)")


def stub_resolver(table: Mapping[str, list[str]]) -> Callable[[str, int], object]:
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return list(table[host])

    return resolve


@pytest.mark.parametrize(
    ("name", "answers"),
    [
        ("metadata.test", ["169.254.169.254"]),
        ("wiki.corp.test", ["10.20.30.40"]),
        ("v6.corp.test", ["fd00::5"]),
        ("rebind.test", ["127.0.0.1"]),
    ],
)
def test_names_resolving_to_refused_addresses_are_never_connected(
    name: str, answers: list[str]
) -> None:
    connector = FakeConnector()
    backend = GuardedBackend(
        AddressPolicy(), resolver=stub_resolver({name: answers}), connect=connector
    )

    async def scenario() -> None:
        await backend.connect_tcp(name, 80, timeout=2.0)

    with pytest.raises(AddressRefused, match=f"{name} resolves to {answers[0]}"):
        asyncio.run(scenario())
    assert connector.asked == []


def test_the_connection_goes_to_the_address_that_was_checked() -> None:
    # A name answering a private address among public ones: only the public one is dialled,
    # as an address, so a second lookup (DNS rebinding) cannot change the target.
    connector = FakeConnector()
    table = {"mixed.test": ["10.0.0.1", "93.184.216.34"]}
    backend = GuardedBackend(AddressPolicy(), resolver=stub_resolver(table), connect=connector)

    async def scenario() -> None:
        await backend.connect_tcp("mixed.test", 443, timeout=2.0)

    with pytest.raises(httpcore.ConnectError):
        asyncio.run(scenario())
    assert connector.asked == [("93.184.216.34", 443)]


def test_a_public_name_resolving_to_loopback_is_excluded_end_to_end(
    new_host: Callable[[], Host], quick: LinkSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = new_host()
    site.page("/x", PAGE)
    monkeypatch.setattr(addresses, "resolve", stub_resolver({"rebind.test": [site.address]}))
    url = f"http://rebind.test:{site.port}/x"
    result = check([url], quick)[0][url]
    assert result.status is LinkStatus.EXCLUDED
    assert f"rebind.test resolves to {site.address}, a loopback address" in result.reason
    assert site.hits("/x") == 0
    # Allowed by the setting, the same name is fetched from the address it resolved to.
    allowed = check([url], replace(quick, allow_private_addresses=True))[0][url]
    assert allowed.status is LinkStatus.ALIVE
    assert site.hits("/x") >= 1


def test_the_setting_comes_from_the_config_file_and_the_environment(tmp_path: Path) -> None:
    assert load_settings(start=tmp_path, env={}).links.allow_private_addresses is False
    config = tmp_path / "citecheck.toml"
    config.write_text("allow-private-addresses = true\n", encoding="utf-8")
    assert load_settings(config=config, env={}).links.allow_private_addresses is True
    on = load_settings(start=tmp_path / "none", env={"CITECHECK_ALLOW_PRIVATE_ADDRESSES": "1"})
    assert on.links.allow_private_addresses is True
    off = {"CITECHECK_ALLOW_PRIVATE_ADDRESSES": "false"}
    assert load_settings(config=config, env=off).links.allow_private_addresses is False
    with pytest.raises(ConfigError):
        load_settings(start=tmp_path, env={"CITECHECK_ALLOW_PRIVATE_ADDRESSES": "maybe"})


@pytest.mark.parametrize("length", ["lots", "-5", "1e9", "99999999999999999999999"])
def test_a_head_with_a_nonsense_length_still_gets_a_verdict(
    quick: LinkSettings, length: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "HEAD":
            return httpx.Response(
                200, headers={"Content-Type": "application/pdf", "Content-Length": length}
            )
        return httpx.Response(
            200, content=b"%PDF-1.4 not really", headers={"Content-Type": "application/pdf"}
        )

    url = "https://files.test/report.pdf"
    result = check([url], quick, transport=httpx.MockTransport(handler))[0][url]
    assert result.status is LinkStatus.ALIVE


def _self_signed(tmp_path: Path, address: str) -> tuple[Path, Path]:
    """A certificate for ``address`` (IP and name SAN) and its key, made with cryptography."""
    pytest.importorskip("cryptography")
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "loopback.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("loopback.test"), x509.IPAddress(ipaddress.ip_address(address))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_works_over_the_guarded_backend_and_checks_the_name(tmp_path: Path) -> None:
    address = "127.0.9.2"
    cert, key = _self_signed(tmp_path, address)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    client_context = ssl.create_default_context(cafile=str(cert))

    async def scenario() -> tuple[int, bytes]:
        async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(head(Content_Length="5", Content_Type="text/plain") + b"hello")
                await writer.drain()
            except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
                pass
            finally:
                writer.close()

        server = await asyncio.start_server(answer, address, 0, ssl=server_context)
        port = server.sockets[0].getsockname()[1]
        backend = GuardedBackend(AddressPolicy())
        try:
            async with httpcore.AsyncConnectionPool(
                ssl_context=client_context, network_backend=backend
            ) as pool:
                good = await pool.request("GET", f"https://{address}:{port}/")
                # The same server under a name its certificate does not carry: refused.
                table = {"other.test": [address]}
                wrong = GuardedBackend(
                    AddressPolicy(allow_private=True), resolver=stub_resolver(table)
                )
                async with httpcore.AsyncConnectionPool(
                    ssl_context=client_context, network_backend=wrong
                ) as other:
                    with pytest.raises(httpcore.ConnectError):
                        await other.request("GET", f"https://other.test:{port}/")
                return good.status, good.content
        finally:
            server.close()
            await server.wait_closed()

    assert asyncio.run(scenario()) == (200, b"hello")


def test_an_address_that_never_answers_does_not_use_up_the_connect_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from citecheck.links import connections

    monkeypatch.setattr(connections, "_ATTEMPT", 0.2)
    asked: list[str] = []

    async def connect(host: str, port: int) -> tuple[asyncio.BaseTransport, asyncio.BaseProtocol]:
        asked.append(host)
        if host == "2606:2800:21f::1":
            await asyncio.sleep(60)  # a black-holed route: no answer, no refusal
        raise OSError(111, "Connection refused (stand-in)")

    table = {"dual.test": ["2606:2800:21f::1", "2606:2800:21f::2", "93.184.216.34"]}
    backend = GuardedBackend(AddressPolicy(), resolver=stub_resolver(table), connect=connect)

    async def scenario() -> float:
        started = time.perf_counter()
        with pytest.raises(httpcore.ConnectError, match="refused"):
            await backend.connect_tcp("dual.test", 443, timeout=10.0)
        return time.perf_counter() - started

    assert asyncio.run(scenario()) < 3
    assert asked == ["2606:2800:21f::1", "93.184.216.34", "2606:2800:21f::2"]  # families alternate
