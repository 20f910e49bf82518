"""Host side of one sandbox container: start it locked down, exchange frames, always remove it.

The submission's source travels over the container's stdin (no bind mounts), so a worker that
itself runs in a container can drive the host's Docker engine.
"""
import logging
import os
import socket
import struct
import time
from dataclasses import dataclass

import docker
import docker.errors
from docker.types import LogConfig, Ulimit

from judge import wire

log = logging.getLogger(__name__)

LABEL = "cvjudge.sandbox"
OWNER_LABEL = "cvjudge.owner"  # who started it: CVJUDGE_SANDBOX_OWNER, else host:pid
PROCESS_LABEL = "cvjudge.process"  # host:pid of the grading process, to find orphans


def owner() -> str:
    """The value of OWNER_LABEL for containers started by this process."""
    return os.environ.get("CVJUDGE_SANDBOX_OWNER") or f"{socket.gethostname()}:{os.getpid()}"


STREAM_HEADER = struct.Struct(">BxxxL")
# the runner exits after sending one of these
FINAL_STATUSES = ("died", "output_limit", "reply_limit", "protocol_error", "timeout")


@dataclass(frozen=True)
class Limits:
    """Resource caps for one container."""
    memory_mb: int = 256
    cpus: float = 1.0
    pids: int = 64
    tmpfs_mb: int = 16
    start_timeout_s: float = 30.0


class SandboxError(Exception):
    """The container could not be driven; `kind` names the verdict it maps to."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class Sandbox:
    """One running container with the runner inside; use as a context manager."""

    def __init__(self, image: str, limits: Limits = Limits(), client=None):
        self.client = client or docker.from_env()
        self.image = image
        self.limits = limits
        self.container = None
        self.sock = None
        self.pending = bytearray()
        self.hello = None
        self.dead = True  # until the runner has said hello

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self) -> dict:
        lim = self.limits
        try:
            self.container = self.client.containers.create(
                self.image,
                user="0",  # the runner drops to unprivileged users right away
                stdin_open=True,
                network_mode="none",
                read_only=True,
                tmpfs={"/tmp": f"rw,nosuid,nodev,noexec,size={lim.tmpfs_mb}m,mode=1777"},
                ipc_mode="none",  # private IPC and no writable /dev/shm
                cap_drop=["ALL"],
                cap_add=["SETUID", "SETGID"],
                security_opt=["no-new-privileges"],
                pids_limit=lim.pids,
                mem_limit=f"{lim.memory_mb}m",
                memswap_limit=f"{lim.memory_mb}m",
                nano_cpus=int(lim.cpus * 1e9),
                init=True,
                ulimits=[Ulimit(name="nofile", soft=1024, hard=1024)],
                log_config=LogConfig(type="json-file", config={"max-size": "256k", "max-file": "1"}),
                labels={LABEL: "1", OWNER_LABEL: owner(),
                        PROCESS_LABEL: f"{socket.gethostname()}:{os.getpid()}"},
                hostname="sandbox",
            )
        except docker.errors.ImageNotFound:
            raise SandboxError("internal_error",
                               f"sandbox image {self.image} is missing: run `make image`") from None
        self.sock = self.container.attach_socket(
            params={"stdin": 1, "stdout": 1, "stderr": 0, "stream": 1})._sock
        self.container.start()
        self.hello = self.receive(lim.start_timeout_s)
        if self.hello.get("status") != "hello":
            raise SandboxError("internal_error", f"runner did not start: {self.hello}")
        self.dead = False
        return self.hello

    def request(self, message: dict, timeout_s: float) -> dict:
        """Send one control request (ping, output) and wait for its reply."""
        self._send(wire.pack(message))
        return self.receive(timeout_s)

    def ping(self, timeout_s: float = 2.0) -> bool:
        """Whether the runner still answers (a pooled container may have been killed)."""
        try:
            return not self.dead and self.request({"op": "ping"}, timeout_s).get("status") == "pong"
        except SandboxError:
            return False

    def load(self, source: str, function: str, cpu_limit_s: float, wall_limit_s: float,
             timeout_s: float) -> dict:
        """Import the submission; its reply with the time it took."""
        self._send(wire.pack({"op": "load", "source": source, "function": function,
                              "cpu_limit_s": cpu_limit_s, "wall_limit_s": wall_limit_s}))
        return self._call_reply(timeout_s)

    def batch(self, bodies: list, cpu_limit_s: float, wall_limit_s: float,
              timeout_s: float) -> list:
        """Run many calls in one round trip; one reply per call, in order.

        `bodies` are encoded call requests (wire.call_body). The runner answers each call as
        it completes and enforces both limits itself; when a call is fatal (timeout, crash,
        output flood) its reply is the last one, marked `fatal`, and the container is gone.
        The runner may also stop early after very large answers: then fewer replies come back.
        """
        header = wire.pack({"op": "batch", "count": len(bodies), "cpu_limit_s": cpu_limit_s,
                            "wall_limit_s": wall_limit_s})
        self._send(header + b"".join(wire.HEADER.pack(len(b)) + b for b in bodies))
        deadline = time.monotonic() + timeout_s
        replies = []
        while len(replies) < len(bodies):
            reply = self._call_reply(max(0.0, deadline - time.monotonic()))
            if reply.get("status") == "batch_done" and reply.get("count") == len(replies):
                return replies  # the runner stopped early: the answers were huge
            replies.append(reply)
            if reply.get("fatal"):
                return replies
        done = self.receive(max(0.0, deadline - time.monotonic()))
        if done.get("status") != "batch_done":
            self.kill()
            raise SandboxError("runtime_error", "the sandbox protocol was broken "
                                                f"(unexpected {str(done.get('status'))[:40]!r})")
        return replies

    def _send(self, data: bytes) -> None:
        if self.dead:
            raise SandboxError("runtime_error", "the sandbox already stopped")
        try:
            self.sock.sendall(data)
        except OSError:
            self.dead = True

    def _call_reply(self, timeout_s: float) -> dict:
        """A timing frame then the submission's own reply, or one fatal frame."""
        timing = self.receive(timeout_s)
        if timing.get("status") != "timing":
            timing["fatal"] = True
            return timing
        body = self._receive_body(timeout_s)
        if body is None:
            return {**self.stopped_reply(), "fatal": True}
        try:
            reply = wire.unpack_body(body)
        except wire.WireError as exc:  # the submission forged or broke its reply
            self.kill()
            return {"status": "protocol_error", "message": str(exc), "fatal": True}
        reply.update(cpu_s=timing.get("cpu_s"), wall_s=timing.get("wall_s"),
                     output_bytes=timing.get("output_bytes"))
        return reply

    def receive(self, timeout_s: float) -> dict:
        body = self._receive_body(timeout_s)
        if body is None:
            return self.stopped_reply()
        try:
            frame = wire.unpack_body(body)
        except wire.WireError as exc:
            self.kill()
            raise SandboxError("runtime_error", f"the sandbox protocol was broken: {exc}") from None
        if frame.get("status") in FINAL_STATUSES:
            self.kill()
        return frame

    def _receive_body(self, timeout_s: float) -> bytes | None:
        """One frame body from the runner; None when its output ended."""
        deadline = time.monotonic() + timeout_s
        if self.container is None:
            raise SandboxError("internal_error", "the sandbox was never started")
        try:
            return wire.read_frame_body(lambda n: self._read_stdout(n, deadline))
        except TimeoutError:
            self.kill()
            raise SandboxError("time_limit_exceeded",
                               f"no answer within {timeout_s:.1f} s; the sandbox was stopped") from None
        except wire.WireError as exc:
            self.kill()
            raise SandboxError("runtime_error", f"the sandbox protocol was broken: {exc}") from None

    def stopped_reply(self) -> dict:
        """The container's output ended: report why in the runner's own terms."""
        self.dead = True
        state = self.container_state()
        return {"status": "died", "oom": bool(state.get("OOMKilled")),
                "exit_code": state.get("ExitCode"), "container_exit": True}

    def container_state(self) -> dict:
        try:
            self.container.wait(timeout=5)
            self.container.reload()
            return self.container.attrs.get("State", {})
        except Exception:  # the state is a hint for the message; never fatal
            return {}

    def _read_stdout(self, n: int, deadline: float) -> bytes:
        """Read n bytes of the container's stdout, stripping Docker's stream headers."""
        while len(self.pending) < n:
            header = self._recv_exact(STREAM_HEADER.size, deadline)
            if not header:
                break
            stream, size = STREAM_HEADER.unpack(header)
            payload = self._recv_exact(size, deadline)
            if stream == 1:
                self.pending += payload
        data = bytes(self.pending[:n])
        del self.pending[:n]
        return data

    def _recv_exact(self, n: int, deadline: float) -> bytes:
        chunks, got = [], 0
        while got < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(min(n - got, 1 << 20))
            except socket.timeout:
                raise TimeoutError from None
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        self.dead = True
        try:
            self.container.kill()
        except Exception:  # already gone or stopping: removal below settles it
            pass

    def close(self) -> None:
        """Remove the container whatever state it is in."""
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
        if self.container is not None:
            remove_container(self.container)
            self.container = None


def remove_container(container) -> None:
    """Force-remove, retrying: a busy engine answers with conflicts or read timeouts."""
    for attempt in range(5):
        try:
            container.remove(force=True)
            return
        except docker.errors.NotFound:
            return
        except Exception as exc:  # APIError, or the client's timeout from requests
            failure = exc
            time.sleep(0.2 * 2 ** attempt)
    log.warning("could not remove sandbox container %s: %s", container.id[:12], failure)


def leftover_containers(client=None, owned_by: str | None = None) -> list:
    """Sandbox containers still present (there should be none between gradings).

    `owned_by` narrows this to one owner's containers, so a check in one process never
    mistakes another grader's live container on the same engine for a leftover. The entries
    are the engine's list (`.id`, `.attrs["Labels"]`), not inspected one by one, so a
    container removed meanwhile cannot break the listing.
    """
    client = client or docker.from_env()
    labels = [LABEL] + ([f"{OWNER_LABEL}={owned_by}"] if owned_by else [])
    return client.containers.list(all=True, sparse=True, filters={"label": labels})


def remove_leftovers(client=None) -> int:
    found = leftover_containers(client)
    for container in found:
        remove_container(container)
    return len(found)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_orphans(client=None) -> int:
    """Remove sandbox containers whose grading process on this machine has died (a killed
    worker cannot clean up after itself); containers of live or other machines' graders stay."""
    removed = 0
    for container in leftover_containers(client):
        process = (container.attrs.get("Labels") or {}).get(PROCESS_LABEL, "")
        host, _, pid = process.rpartition(":")
        if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
            remove_container(container)
            removed += 1
    return removed
