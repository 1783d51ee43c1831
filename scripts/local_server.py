"""A free loopback port and waiting for a server started on it: for the scripts that serve
the demo to a browser (screenshots.py, lighthouse.py)."""

import socket
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url, server, timeout=60):
    """Until ``url`` answers, or exits if ``server`` (a ``Popen``) stops or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"{server.args[0]} stopped (exit code {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"nothing served at {url} after {timeout} s")
