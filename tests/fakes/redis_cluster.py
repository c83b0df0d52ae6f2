"""Runs a throwaway three-node Redis Cluster on free 127.0.0.1 ports for the test session:
three `redis-server --cluster-enabled yes` (no persistence), joined by `redis-cli --cluster
create`, ready once every node says `cluster_state:ok`."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.fakes.redis_server import RedisServer, RedisUnavailable

BUS_OFFSET = 10_000  # a node's cluster bus listens on its port + 10000


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_node_port() -> int:
    """A free port whose cluster bus port is free too."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port + BUS_OFFSET < 65536 and _free(port + BUS_OFFSET):
            return port
    raise RedisUnavailable("no free port pair for a cluster node")


class RedisCluster:
    """Three cluster nodes; `start()`, `.url` (node 1), `.ports`, `flushall()`, `stop()`."""

    def __init__(self, nodes: int = 3, startup_timeout: float = 30.0) -> None:
        self.server = shutil.which("redis-server")
        self.cli = shutil.which("redis-cli")
        self.count = nodes
        self.startup_timeout = startup_timeout
        self.ports: list[int] = []
        self._nodes: list[RedisServer] = []
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.ports[0]}/0"

    def start(self) -> None:
        if self.server is None or self.cli is None:
            raise RedisUnavailable("redis-server or redis-cli not found (apt-get install redis)")
        self._dir = tempfile.TemporaryDirectory(prefix="undertone-cluster-")
        work = Path(self._dir.name)
        deadline = time.monotonic() + self.startup_timeout
        for i in range(self.count):
            # a node is a RedisServer with cluster options: started on a free port pair, again
            # on another pair when a second process took the first before the node bound it
            node = RedisServer(
                self.server,
                self.startup_timeout,
                args=[
                    "--cluster-enabled", "yes", "--cluster-node-timeout", "5000",
                    "--cluster-config-file", str(work / f"nodes-{i}.conf"), "--dir", str(work),
                ],
                pick_port=_free_node_port,
            )
            try:
                node.start(attempts=5)
            except RedisUnavailable:
                self.stop()
                raise
            self._nodes.append(node)
            self.ports.append(node.port)
        create = subprocess.run(
            [self.cli, "--cluster", "create", *(f"127.0.0.1:{p}" for p in self.ports),
             "--cluster-replicas", "0", "--cluster-yes"],
            capture_output=True, text=True, timeout=self.startup_timeout,
        )
        if create.returncode != 0:
            self.stop()
            raise RedisUnavailable("redis-cli --cluster create failed:\n" + create.stdout[-2000:])
        self._until(deadline, self._all_ok, "the cluster did not reach cluster_state:ok")

    def _until(self, deadline: float, ready: object, why: str) -> None:
        """Poll a readiness check (a server's own state, not a test's timing) until it holds."""
        assert callable(ready)
        while not ready():
            if time.monotonic() > deadline:
                self.stop()
                raise RedisUnavailable(why)
            time.sleep(0.05)

    def _all_ok(self) -> bool:
        for port in self.ports:
            client = redis.Redis(port=port)
            try:
                info = client.execute_command("CLUSTER", "INFO")
            finally:
                client.close()
            text = info.decode() if isinstance(info, bytes) else str(info)
            if "cluster_state:ok" not in text:
                return False
        return True

    def keys_per_node(self) -> list[int]:
        counts = []
        for port in self.ports:
            client = redis.Redis(port=port)
            try:
                counts.append(int(client.dbsize()))
            finally:
                client.close()
        return counts

    def flushall(self) -> None:
        for port in self.ports:
            client = redis.Redis(port=port)
            try:
                client.flushall()
            finally:
                client.close()

    def stop(self) -> None:
        for node in self._nodes:
            node.stop()
        self._nodes = []
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None
