"""The container itself: locked down as ARCHITECTURE.md says, and always removed."""
from judge import wire
from judge.image import image_tag
from judge.sandbox import LABEL, Limits, Sandbox

PROBE = '''
import os
def probe():
    status = open("/proc/self/status").read()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return [os.getuid(), os.getgid(), os.getppid(), fields["CapEff"].strip(),
            fields["NoNewPrivs"].strip(), os.environ.get("OPENBLAS_NUM_THREADS"),
            sorted(os.environ)]
'''


def test_container_is_locked_down(docker_client):
    with Sandbox(image_tag(), Limits(memory_mb=200, pids=32), client=docker_client) as box:
        box.container.reload()
        host = box.container.attrs["HostConfig"]
        assert host["NetworkMode"] == "none"
        assert host["ReadonlyRootfs"] is True
        assert host["CapDrop"] == ["ALL"]
        assert set(host["CapAdd"]) == {"SETUID", "SETGID"}
        assert "no-new-privileges" in host["SecurityOpt"]
        assert host["PidsLimit"] == 32
        assert host["Memory"] == host["MemorySwap"] == 200 * 1024 * 1024
        assert host["NanoCpus"] == 1_000_000_000
        assert host["Init"] is True
        assert host["IpcMode"] == "none"
        assert host["LogConfig"]["Config"]["max-size"]
        assert "/tmp" in host["Tmpfs"]
        assert box.container.labels[LABEL] == "1"
        assert box.request({"op": "load", "source": PROBE, "function": "probe"}, 10)["status"] == "loaded"
        reply = box.request({"op": "call", "args": wire.encode([])}, 10)
        uid, gid, parent, caps, no_new_privs, blas, env_names = wire.decode(reply["value"])
        assert (uid, gid) == (1001, 1001)
        assert int(caps, 16) == 0 and no_new_privs == "1"
        assert blas == "1"
        assert not [name for name in env_names if "SECRET" in name or "DOCKER" in name]
        name = box.container.name
    assert not docker_client.containers.list(all=True, filters={"name": name})


def test_container_is_removed_after_a_kill(docker_client):
    with Sandbox(image_tag(), client=docker_client) as box:
        box.kill()
        container_id = box.container.id
    assert not docker_client.containers.list(all=True, filters={"id": container_id})


def test_hello_reports_a_calibration(docker_client):
    with Sandbox(image_tag(), client=docker_client) as box:
        assert 0 < box.hello["calibration_s"] < 1
        assert box.hello["cpu_accounting"] is True
