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

from tests.fakes.redis_server import RedisUnavailable

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
        self._procs: list[subprocess.Popen[bytes]] = []
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
        for _ in range(self.count):
            self._start_node(work, deadline)
        create = subprocess.run(
            [self.cli, "--cluster", "create", *(f"127.0.0.1:{p}" for p in self.ports),
             "--cluster-replicas", "0", "--cluster-yes"],
            capture_output=True, text=True, timeout=self.startup_timeout,
        )
        if create.returncode != 0:
            self.stop()
            raise RedisUnavailable("redis-cli --cluster create failed:\n" + create.stdout[-2000:])
        self._until(deadline, self._all_ok, "the cluster did not reach cluster_state:ok")

    def _start_node(self, work: Path, deadline: float, tries: int = 5) -> None:
        """Start one node on a free port pair. A port found free can be taken before the node
        binds it (another test process choosing at the same moment): the node then exits at
        once, and it is started again on another pair."""
        for _ in range(tries):
            port = _free_node_port()
            args = [
                self.server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--cluster-enabled", "yes",
                "--cluster-config-file", str(work / f"nodes-{port}.conf"),
                "--cluster-node-timeout", "5000", "--dir", str(work), "--daemonize", "no",
                "--logfile", str(work / f"redis-{port}.log"),
            ]
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
            self._until(
                deadline,
                lambda p=port, q=proc: q.poll() is not None or self._ping(p, q.pid),
                f"node {port} did not start",
            )
            if proc.poll() is None:
                self._procs.append(proc)
                self.ports.append(port)
                return
        self.stop()
        raise RedisUnavailable(f"no cluster node started in {tries} tries (ports taken)")

    def _until(self, deadline: float, ready: object, why: str) -> None:
        """Poll a readiness check (a server's own state, not a test's timing) until it holds."""
        assert callable(ready)
        while not ready():
            if time.monotonic() > deadline:
                self.stop()
                raise RedisUnavailable(why)
            time.sleep(0.05)

    @staticmethod
    def _ping(port: int, pid: int) -> bool:
        """The node answers on `port`, and it is this node (process `pid`), not whatever took
        the port first."""
        try:
            client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=1)
            try:
                return int(client.info("server")["process_id"]) == pid
            finally:
                client.close()
        except (redis.RedisError, OSError, KeyError, ValueError):
            return False

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
        for proc in self._procs:
            proc.terminate()
        for proc in self._procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._procs = []
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None
