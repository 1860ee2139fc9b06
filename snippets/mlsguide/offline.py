"""Keep example runs offline.

Tests and builds set `MLSGUIDE_OFFLINE=1`; importing `mlsguide` then calls
[`block_network`][mlsguide.offline.block_network], so an example that tries to reach the internet
fails at once with a clear error instead of hanging or silently depending on a network.
"""

import ipaddress
import socket

_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex
_original_getaddrinfo = socket.getaddrinfo


class NetworkBlockedError(OSError):
    """Raised when an example tries to open a connection to a non-loopback address."""


def _is_loopback(host: object) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address: object) -> None:
    if isinstance(address, tuple) and address and not _is_loopback(address[0]):
        raise NetworkBlockedError(
            f"network access to {address[0]!r} is blocked: examples must run offline "
            "(MLSGUIDE_OFFLINE=1). Use the moto emulator or local files instead."
        )


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _original_connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _original_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_loopback(host) and not _looks_like_ip(host):
        raise NetworkBlockedError(
            f"DNS lookup of {host!r} is blocked: examples must run offline (MLSGUIDE_OFFLINE=1)."
        )
    return _original_getaddrinfo(host, *args, **kwargs)


def _looks_like_ip(host: object) -> bool:
    try:
        ipaddress.ip_address(str(host))
    except ValueError:
        return False
    return True


def block_network() -> None:
    """Refuse every socket connection and DNS lookup except to loopback addresses.

    Loopback stays open because Jupyter kernels talk to their client over it. Calling this twice
    is harmless.
    """
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.getaddrinfo = _guarded_getaddrinfo
