"""A small TCP proxy on loopback that breaks connections on cue: real sockets, no mocks.

``arm("down", after=N)`` lets N more bytes flow from the server to the client (``"up"``: from
the client to the server), then cuts every open connection (a TCP reset) — or, with
``stall=True``, stops forwarding and holds them until :meth:`release`, so a test can kill a
process while a request is half sent or an answer half received. ``tripped`` is set when it
happens.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


class Proxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(32)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.tripped = threading.Event()
        self._lock = threading.Lock()
        self._direction: str | None = None
        self._budget = 0
        self._stall = False
        self._released = threading.Event()
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    # -- control ---------------------------------------------------------------------------
    def arm(self, direction: str, after: int, *, stall: bool = False) -> None:
        assert direction in ("up", "down")
        with self._lock:
            self._direction, self._budget, self._stall = direction, after, stall
            self.tripped.clear()
            self._released.clear()

    def disarm(self) -> None:
        with self._lock:
            self._direction = None

    def release(self) -> None:
        """Cut the connections a stall holds (and forward normally afterwards)."""
        self.disarm()
        self._released.set()
        self._cut_all()

    def close(self) -> None:
        self._closed = True
        self._released.set()
        self._listener.close()
        self._cut_all()

    # -- the pumps -------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
            except OSError:
                _reset(client)
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, "up"), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, "down"), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, direction: str) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                with contextlib.suppress(OSError):
                    target.shutdown(socket.SHUT_WR)
                return
            with self._lock:
                armed = self._direction == direction
                if armed:
                    allowed = max(0, min(len(data), self._budget))
                    self._budget -= allowed
                    tripping = allowed < len(data)
                else:
                    allowed, tripping = len(data), False
            try:
                target.sendall(data[:allowed])
            except OSError:
                return
            if tripping:
                self.tripped.set()
                if self._stall:
                    self._released.wait(timeout=120)
                else:
                    self._cut_all()
                return

    def _cut_all(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _reset(sock)


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset (linger 0), as a dropped connection looks to the other end.

    ``shutdown`` first: a plain ``close`` from another thread leaves a ``recv`` blocked on the
    socket, and the connection open, until it returns."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
