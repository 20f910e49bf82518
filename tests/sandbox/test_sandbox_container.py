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


def probe_container(box) -> list:
    """Load PROBE into a started sandbox and return what it saw from inside."""
    assert box.load(PROBE, "probe", 5, 20, 30)["status"] == "loaded"
    reply = box.batch([wire.call_body(())], 5, 20, 30)[0]
    return wire.decode(reply["value"])


def assert_locked_down(box, memory_mb=256, pids=64):
    box.container.reload()
    host = box.container.attrs["HostConfig"]
    assert host["NetworkMode"] == "none"
    assert host["ReadonlyRootfs"] is True
    assert host["CapDrop"] == ["ALL"]
    assert set(host["CapAdd"]) == {"SETUID", "SETGID"}
    assert "no-new-privileges" in host["SecurityOpt"]
    assert host["PidsLimit"] == pids
    assert host["Memory"] == host["MemorySwap"] == memory_mb * 1024 * 1024
    assert host["NanoCpus"] == 1_000_000_000
    assert host["Init"] is True
    assert host["IpcMode"] == "none"
    assert host["LogConfig"]["Config"]["max-size"]
    assert "/tmp" in host["Tmpfs"]
    assert box.container.labels[LABEL] == "1"
    uid, gid, parent, caps, no_new_privs, blas, env_names = probe_container(box)
    assert (uid, gid) == (1001, 1001)
    assert int(caps, 16) == 0 and no_new_privs == "1"
    assert blas == "1"
    assert not [name for name in env_names if "SECRET" in name or "DOCKER" in name]


def test_container_is_locked_down(docker_client):
    with Sandbox(image_tag(), Limits(memory_mb=200, pids=32), client=docker_client) as box:
        assert_locked_down(box, memory_mb=200, pids=32)
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


def test_one_submission_per_container(docker_client):
    with Sandbox(image_tag(), client=docker_client) as box:
        assert box.load("def f():\n    return 1\n", "f", 5, 20, 30)["status"] == "loaded"
        second = box.load("def f():\n    return 2\n", "f", 5, 20, 30)
        assert second["status"] == "protocol_error" and second["fatal"]
        assert box.dead


def test_a_batch_answers_each_call_with_its_own_time(docker_client):
    source = "def f(n):\n    return sum(range(n))\n"
    with Sandbox(image_tag(), client=docker_client) as box:
        box.load(source, "f", 5, 20, 30)
        replies = box.batch([wire.call_body((n,)) for n in (10, 3_000_000, 0)], 5, 20, 30)
        assert [wire.decode(r["value"]) for r in replies] == [45, sum(range(3_000_000)), 0]
        assert replies[1]["cpu_s"] > 10 * max(replies[0]["cpu_s"], 1e-4)


def test_a_runaway_call_is_stopped_by_the_runner_and_named(docker_client):
    source = "import time\ndef f(kind):\n    if kind == 'spin':\n        while True: pass\n" \
             "    if kind == 'sleep':\n        time.sleep(60)\n    return kind\n"
    for kind, waiting in (("spin", False), ("sleep", True)):
        with Sandbox(image_tag(), client=docker_client) as box:
            box.load(source, "f", 5, 20, 30)
            replies = box.batch([wire.call_body(("ok",)), wire.call_body((kind,)),
                                 wire.call_body(("never",))], 0.3, 1.0, 10)
            assert len(replies) == 2 and wire.decode(replies[0]["value"]) == "ok"
            stopped = replies[1]
            assert stopped["status"] == "timeout" and stopped["fatal"] and stopped["index"] == 1
            assert (stopped["cpu_s"] < 0.5 * stopped["wall_s"]) is waiting
            assert stopped["wall_s"] < 1.5


def test_with_check_inputs_the_runner_names_arguments_changed_in_place(docker_client):
    source = "def f(a, b):\n    b.append(1)\n    return len(a)\n"
    with Sandbox(image_tag(), client=docker_client) as box:
        box.load(source, "f", 5, 20, 30)
        checked, unchecked = box.batch([wire.call_body(([1, 2], [3]), True),
                                        wire.call_body(([1, 2], [3]))], 5, 20, 30)
        assert wire.decode(checked["value"]) == 2 and checked["changed"] == [1]
        assert "changed" not in unchecked
