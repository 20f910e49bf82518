"""The one program that runs inside a sandbox container.

The supervisor (this process) starts as root with only CAP_SETUID/CAP_SETGID, forks the
submission's process and runs it as a separate unprivileged user, then drops to its own
unprivileged user. The submission therefore cannot signal, trace or read the supervisor.
The supervisor relays frames between the host (stdin/stdout) and the submission, timing each
call with the container's CPU accounting, capping the submission's printed output and
reporting how the submission died if it does. It never judges answers: the host does.
"""
import os
import resource
import selectors
import signal
import sys
import time
import traceback
import types

import wire

SUPERVISOR_UID = 1000
SUBMISSION_UID = 1001
OUTPUT_KEEP = 8 * 1024
OUTPUT_LIMIT = int(os.environ.get("CVJUDGE_OUTPUT_LIMIT", 1024 * 1024))
OPEN_FILES = 256
FILE_SIZE = 8 * 1024 * 1024
SUBMISSION_FILE = "<submission>"
BATCH_REPLY_BYTES = 32 * 1024 * 1024  # a batch stops early once its answers are this large
BROKEN_EXIT = 70  # the submission broke its own process so badly that it could not reply


# ---------------------------------------------------------------- plumbing


def read_exact_fd(fd):
    """A `read_exact` for wire.read_frame over a raw file descriptor."""
    def read_exact(n):
        chunks, got = [], 0
        while got < n:
            chunk = os.read(fd, n - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)
    return read_exact


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def cgroup_value(paths, field=None):
    """First readable counter among cgroup v2/v1 paths; None when none is readable."""
    for path in paths:
        try:
            with open(path) as handle:
                text = handle.read()
        except OSError:
            continue
        if field is None:
            return int(text.split()[0])
        for line in text.splitlines():
            name, _, number = line.partition(" ")
            if name == field:
                return int(number)
    return None


def cpu_seconds():
    """CPU used by the whole container, so work hidden in helper processes still counts."""
    usec = cgroup_value(["/sys/fs/cgroup/cpu.stat"], "usage_usec")
    if usec is not None:
        return usec / 1e6
    nsec = cgroup_value(["/sys/fs/cgroup/cpuacct/cpuacct.usage",
                         "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage"])
    if nsec is not None:
        return nsec / 1e9
    return None


def schedstat(pid):
    """(ns on a CPU, ns waiting for one) of a process, from /proc; None when unreadable."""
    try:
        with open(f"/proc/{pid}/schedstat") as handle:
            run_ns, wait_ns, _ = handle.read().split()
        return int(run_ns), int(wait_ns)
    except (OSError, ValueError):
        return None


def oom_kills():
    return cgroup_value(["/sys/fs/cgroup/memory.events",
                         "/sys/fs/cgroup/memory/memory.oom_control"], "oom_kill") or 0


def calibrate():
    """Seconds for a fixed pure-Python workload: the host scales time limits by it.

    Wall time with a fine clock (the cgroup's CPU counter moves in scheduler ticks, too
    coarse for 10 ms); it runs before the submission exists, and the minimum of several
    runs filters out moments when the rest of the host took the CPU.
    """
    best = None
    for _ in range(7):
        start = time.perf_counter()
        total = 0
        for i in range(200_000):
            total += (i * i) % 7
        spent = time.perf_counter() - start
        best = spent if best is None else min(best, spent)
    return best


# ---------------------------------------------------------------- submission side


def submission_main(requests_fd, replies_fd, output_fd):
    """Runs as the unprivileged submission user: load the code, then answer calls."""
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    for fd in (devnull, output_fd):
        os.close(fd)
    sys.stdout = os.fdopen(1, "w", buffering=1, encoding="utf-8", errors="replace")
    sys.stderr = os.fdopen(2, "w", buffering=1, encoding="utf-8", errors="replace")
    import numpy  # noqa: F401  (paid now, not inside the first timed call)

    read_request = read_exact_fd(requests_fd)

    function = None
    while True:
        request = wire.read_frame(read_request)
        if request is None:
            os._exit(0)
        attachments = wire.Attachments()
        try:
            if request["op"] == "load":
                function, message = load_submission(request["source"], request["function"])
            elif request["op"] == "call" and function is not None:
                message = call_submission(function, request["args"], request.get("check_inputs"),
                                          request.get("__blobs__"), attachments)
            else:
                message = {"status": "protocol_error", "message": f"unexpected op {request['op']!r}"}
        except BaseException as exc:  # e.g. no descriptor left to format a traceback with
            message = {"status": "error", "type": type(exc).__name__, "message": "",
                       "traceback": [], "memory": isinstance(exc, MemoryError)}
            attachments = None
        write_all(replies_fd, wire.pack(message, attachments))


def load_submission(source, function_name):
    try:
        code = compile(source, SUBMISSION_FILE, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        where = f"line {exc.lineno}: " if getattr(exc, "lineno", None) else ""
        detail = exc.msg if isinstance(exc, SyntaxError) else exc
        return None, {"status": "compile_error", "message": f"{where}{type(exc).__name__}: {detail}"}
    module = types.ModuleType("submission")
    module.__file__ = SUBMISSION_FILE
    sys.modules["submission"] = module
    try:
        exec(code, module.__dict__)
    except BaseException as exc:  # the submission's own failure, reported not raised
        return None, error_reply(exc)
    function = module.__dict__.get(function_name)
    if not callable(function):
        return None, {"status": "compile_error",
                      "message": f"the submission does not define a function `{function_name}`"}
    return function, {"status": "loaded"}


def call_submission(function, encoded_args, check_inputs=False, blobs=None, attachments=None):
    """Call the function on decoded arguments; with `check_inputs`, also say which arguments
    it changed in place (their encoding after the call differs from what arrived). Large
    arrays in the answer go to `attachments` as raw bytes."""
    try:
        args = wire.decode(encoded_args, blobs=blobs)
    except wire.WireError as exc:
        return {"status": "protocol_error", "message": str(exc)}
    try:
        value = function(*args)
    except BaseException as exc:
        return error_reply(exc)
    try:
        reply = {"status": "ok", "value": wire.encode(value, attachments=attachments)}
    except (TypeError, ValueError, RecursionError) as exc:
        return {"status": "bad_value", "message": f"the return value cannot be sent back: {exc}"}
    if check_inputs:
        reply["changed"] = changed_arguments(encoded_args, blobs, args)
    return reply


def changed_arguments(encoded_args, blobs, args):
    """Positions of the arguments whose value no longer encodes as it arrived."""
    changed = []
    for index, (before, now) in enumerate(zip(encoded_args, args)):
        try:
            if wire.encode(now) != wire.encode(wire.decode(before, blobs=blobs)):
                changed.append(index)
        except (TypeError, ValueError, RecursionError):
            changed.append(index)
    return changed


def error_reply(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_FILE]
    lines = [f"line {f.lineno}, in {f.name}" for f in frames[-8:]]
    try:
        message = str(exc)[:2000]
    except BaseException:
        message = "<unprintable exception>"
    return {"status": "error", "type": type(exc).__name__, "message": message,
            "traceback": lines, "memory": isinstance(exc, MemoryError)}


PIPE_BYTES = 1 << 20


def widen_pipe(fd):
    """Grow a pipe's buffer to 1 MB where the kernel allows it (Linux F_SETPIPE_SZ)."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass


def start_submission():
    """Fork the submission process as its own user; returns (pid, requests, replies, output)."""
    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()
    out_r, out_w = os.pipe()
    for fd in (req_w, rep_w):  # large arrays pass in fewer, bigger writes
        widen_pipe(fd)
    pid = os.fork()
    if pid == 0:
        try:
            for fd in (req_w, rep_r, out_r):
                os.close(fd)
            with open("/proc/self/oom_score_adj", "w") as handle:
                handle.write("1000")  # under memory pressure, kill the submission first
            os.setgroups([])
            os.setgid(SUBMISSION_UID)
            os.setuid(SUBMISSION_UID)
            resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))
            resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE, FILE_SIZE))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            os.chdir("/tmp")
            submission_main(req_r, rep_w, out_w)
        finally:
            os._exit(BROKEN_EXIT)
    for fd in (req_r, rep_w, out_w):
        os.close(fd)
    return pid, req_w, rep_r, out_r


# ---------------------------------------------------------------- supervisor side


class Fatal(Exception):
    """The submission can no longer answer: report `reply` and end the container."""

    def __init__(self, reply):
        super().__init__(reply.get("status"))
        self.reply = reply


class Supervisor:
    """Relays calls to the submission one at a time, timing each and enforcing its limits.

    A call that uses more CPU than its limit, or more wall time than its wall limit, is not
    waited for: the supervisor reports it and exits, which stops the container (its init
    exits with it) and so kills the submission wherever it hid its processes.
    """

    def __init__(self, pid, requests_fd, replies_fd, output_fd):
        self.pid = pid
        self.requests_fd = requests_fd
        self.output_fd = output_fd
        self.reply_buffer = bytearray()
        self.replies_fd = replies_fd
        self.output = bytearray()
        self.output_total = 0
        self.loaded = False
        self.start_sched = None
        self.selector = selectors.DefaultSelector()
        self.selector.register(replies_fd, selectors.EVENT_READ, "reply")
        self.selector.register(output_fd, selectors.EVENT_READ, "output")

    def call(self, body, cpu_limit_s, wall_limit_s):
        """Forward one request body; returns (timing, raw reply body). Raises Fatal."""
        self.start_sched = schedstat(self.pid)
        start_cpu, start_wall = cpu_seconds(), time.perf_counter()
        try:
            write_all(self.requests_fd, wire.HEADER.pack(len(body)) + body)
        except BrokenPipeError:
            raise Fatal(self.death_reply()) from None
        reply = self.await_reply(start_cpu, start_wall, cpu_limit_s, wall_limit_s)
        end_cpu, end_wall = cpu_seconds(), time.perf_counter()
        timing = {"wall_s": end_wall - start_wall,
                  "cpu_s": None if start_cpu is None else end_cpu - start_cpu,
                  "output_bytes": self.output_total}
        return timing, reply

    def runnable_waiting(self):
        """Seconds the submission was ready to run but waited for a CPU (the host was busy)
        since its call began, so a starved computation is not taken for sleeping."""
        now = schedstat(self.pid)
        if now is None or self.start_sched is None:
            return None
        return (now[1] - self.start_sched[1]) / 1e9

    def captured_output(self):
        """What the submission printed so far (the start of it), for the user to see."""
        return {"status": "output", "text": self.output.decode("utf-8", "replace"),
                "output_bytes": self.output_total}

    def await_reply(self, start_cpu, start_wall, cpu_limit_s, wall_limit_s):
        pause = 0.002
        while True:
            body = self.take_frame()
            if body is not None:
                return body
            events = self.selector.select(pause)
            if not events:
                pause = min(2 * pause, 0.05)
                wall = time.perf_counter() - start_wall
                cpu = None if start_cpu is None else cpu_seconds() - start_cpu
                if (cpu is not None and cpu > cpu_limit_s) or wall > wall_limit_s:
                    raise Fatal({"status": "timeout", "cpu_s": cpu, "wall_s": wall,
                                 "cpu_limit_s": cpu_limit_s, "wall_limit_s": wall_limit_s,
                                 "queued_s": self.runnable_waiting()})
                continue
            for key, _ in events:
                chunk = os.read(key.fd, PIPE_BYTES)
                if key.data == "output":
                    if not chunk:
                        self.selector.unregister(key.fd)
                        continue
                    self.output_total += len(chunk)
                    if len(self.output) < OUTPUT_KEEP:
                        self.output += chunk[: OUTPUT_KEEP - len(self.output)]
                    if self.output_total > OUTPUT_LIMIT:
                        raise Fatal({"status": "output_limit",
                                     "message": f"printed more than {OUTPUT_LIMIT} bytes"})
                elif not chunk:
                    raise Fatal(self.death_reply())
                else:
                    self.reply_buffer += chunk

    def take_frame(self):
        """One complete reply body from the submission, unparsed (the host validates it)."""
        size_len = wire.HEADER.size
        if len(self.reply_buffer) < size_len:
            return None
        (size,) = wire.HEADER.unpack(self.reply_buffer[:size_len])
        if size > wire.MAX_REPLY:
            raise Fatal({"status": "reply_limit", "message": (
                f"the return value is {size // 1024} KB encoded, more than the "
                f"{wire.MAX_REPLY // (1024 * 1024)} MB an answer may be")})
        if len(self.reply_buffer) < size_len + size:
            return None
        body = bytes(self.reply_buffer[size_len:size_len + size])
        del self.reply_buffer[:size_len + size]
        return body

    def death_reply(self):
        """The submission process ended: say how, and whether memory ran out."""
        _, status = os.waitpid(self.pid, 0)
        reply = {"status": "died", "oom": oom_kills() > 0}
        if os.WIFSIGNALED(status):
            reply["signal"] = signal.Signals(os.WTERMSIG(status)).name
        else:
            reply["exit_code"] = os.WEXITSTATUS(status)
        return reply


class Host:
    """The supervisor's side of the host connection: frames in on stdin, out on stdout.

    Replies are queued and written together (each write through Docker's attach stream
    costs far more than a small call), when the buffer grows large and at the end of every
    request.
    """

    FLUSH_BYTES = 1 << 20

    def __init__(self, out_fd):
        self.out_fd = out_fd
        self.read = read_exact_fd(0)
        self.pending = bytearray()

    def send(self, message):
        self.send_raw(wire.pack(message)[wire.HEADER.size:])

    def send_raw(self, body):
        self.pending += wire.HEADER.pack(len(body))
        self.pending += body
        if len(self.pending) >= self.FLUSH_BYTES:
            self.flush()

    def flush(self):
        if self.pending:
            write_all(self.out_fd, self.pending)
            self.pending = bytearray()

    def receive_raw(self):
        """One frame body from the host, or None at the end of the stream."""
        header = self.read(wire.HEADER.size)
        if len(header) < wire.HEADER.size:
            return None
        (size,) = wire.HEADER.unpack(header)
        if size > wire.MAX_FRAME:
            return None
        body = self.read(size)
        return body if len(body) == size else None


def serve(host, supervisor):
    """Answer the host until it hangs up; a Fatal ends the container (returns)."""
    try:
        answer_requests(host, supervisor)
    finally:
        host.flush()


def answer_requests(host, supervisor):
    while True:
        host.flush()
        body = host.receive_raw()
        if body is None:
            return
        try:
            request = wire.unpack_body(body)
        except wire.WireError as exc:
            host.send({"status": "protocol_error", "message": str(exc)})
            return
        op = request.get("op")
        try:
            if op == "ping":
                host.send({"status": "pong"})
            elif op == "output":
                host.send(supervisor.captured_output())
            elif op == "load" and not supervisor.loaded:
                supervisor.loaded = True  # one submission per container, ever
                timing, reply = supervisor.call(body, request["cpu_limit_s"],
                                                request["wall_limit_s"])
                host.send({"status": "timing", **timing})
                host.send_raw(reply)
            elif op == "batch" and supervisor.loaded:
                run_batch(host, supervisor, request)
            else:
                host.send({"status": "protocol_error", "message": f"unexpected op {op!r}"})
                return
        except Fatal as fatal:
            host.send(fatal.reply)
            return


def run_batch(host, supervisor, request):
    """Relay `count` call frames that follow the request, answering each as it completes:
    a timing frame, then the submission's reply exactly as it sent it."""
    cpu_limit_s, wall_limit_s = request["cpu_limit_s"], request["wall_limit_s"]
    bodies = []
    for _ in range(request["count"]):
        body = host.receive_raw()
        if body is None:
            raise Fatal({"status": "protocol_error", "message": "batch ended early"})
        bodies.append(body)
    sent = 0
    for index, body in enumerate(bodies):
        try:
            timing, reply = supervisor.call(body, cpu_limit_s, wall_limit_s)
        except Fatal as fatal:
            fatal.reply["index"] = index
            raise
        host.send({"status": "timing", "index": index, **timing})
        host.send_raw(reply)
        sent += len(reply)
        if sent > BATCH_REPLY_BYTES:  # huge answers: let the host judge these first
            break
    host.send({"status": "batch_done", "count": index + 1 if bodies else 0})


def main():
    sys.setrecursionlimit(10_000)
    calibration_s = calibrate()  # before the submission exists, so nothing else uses the CPU
    pid, requests_fd, replies_fd, output_fd = start_submission()
    os.setgroups([])
    os.setgid(SUPERVISOR_UID)
    os.setuid(SUPERVISOR_UID)
    host_out = os.dup(1)
    os.dup2(2, 1)
    host = Host(host_out)
    host.send({"status": "hello", "calibration_s": calibration_s,
               "cpu_accounting": cpu_seconds() is not None})
    serve(host, Supervisor(pid, requests_fd, replies_fd, output_fd))


if __name__ == "__main__":
    main()
