"""Grade one submission: the plan's examples go to the sandbox in batches, answers are judged
on the host, and a failure is shrunk with hypothesis afterwards.

The hidden examples come from a test plan (judge/plans.py): drawn from a fresh seed, with
the reference's answers, either prepared while the grader was idle or drawn now. Each
property's examples travel to the runner many per frame; it answers them one by one,
timing each and stopping a call that overruns its limits. The submission never sees the
properties or the reference, and nothing it does inside its process can change how its
answers are judged. Only the most specific failing property (highest rank, then earliest) is
shrunk and shown, starting from the failing example's choice sequence, with live calls to the
same sandbox; the other failing ones are listed beside it. The verdict stays that of the
earliest failing property.
"""
import logging
import random
import time
from dataclasses import dataclass, replace

from judge import wire
from judge.catalogue import Challenge
from judge.display import MAX_MESSAGE, cut_text, to_display
from judge.image import image_tag
from judge.limits import NOMINAL_CALIBRATION_S, SPEED_FACTOR_RANGE, TIMING_ALLOWANCE_S, input_size, limit_text
from judge.plans import Plan, ReferenceFailed, make_plan, reference_answer
from judge.result import Counterexample, GradeResult, PropertyResult
from judge.sandbox import Limits, Sandbox, SandboxError
from judge.shrink import StopShrinking, shrink
from judge.verdicts import Verdict

log = logging.getLogger(__name__)

KILL_FACTOR = 2.0  # a call is stopped at this multiple of its CPU limit
WALL_FACTOR, WALL_SLACK_S = 3.0, 0.5  # ... or at this multiple of it in wall time, plus slack
UNTIMED_WALL_FACTOR = 2.0  # untimed calls are small: waiting twice their CPU limit is plenty
HOST_SLACK_S = 2.0  # the host's own kill, should the runner not answer at all
BUDGET_BASE_S, BUDGET_PER_PROPERTY_S = 5.0, 1.0  # a grading's wall budget, plus per call:
UNTIMED_CALL_S = 0.02  # ... for an untimed call (nominal; correct ones need about 1 ms)
LOAD_TIMEOUT_S = 5.0  # nominal seconds for importing the submission
MAX_SOURCE_BYTES = 64 * 1024
RUNNER_BROKEN_EXIT = 70  # sandbox/runner.py BROKEN_EXIT
MAX_RESTARTS = 2  # fresh containers after a crash, so later properties still count
BATCH_BYTES = 4 * 1024 * 1024  # encoded arguments per frame
BATCH_CALLS = 64  # calls per frame: a failure wastes at most this many calls' work
FIRST_BATCH = 4  # a property's first frame is small: most wrong answers fail early
VERDICT_OF = {"time_limit_exceeded": Verdict.TIME_LIMIT_EXCEEDED,
              "runtime_error": Verdict.RUNTIME_ERROR,
              "internal_error": Verdict.INTERNAL_ERROR}


@dataclass
class Failure:
    verdict: Verdict
    message: str
    args: tuple | None = None
    expected: object = None
    got: object = None
    fatal: bool = False  # the sandbox is gone: this property ends, the next needs a new one
    timeout: bool = False  # a call ran out of time: no later property is started
    shrunk: bool = False  # the result of shrinking, not the example first found
    answered: bool = False  # the call returned a value (`got`); else it crashed or timed out


@dataclass(frozen=True)
class CallLimits:
    """What one call may use: the verdict's CPU limit, and when the runner stops it."""
    cpu_s: float | None  # the timed property's limit; None for an untimed call
    kill_cpu_s: float
    kill_wall_s: float


def grade(challenge: Challenge, source: str, *, seed: int | None = None, image: str | None = None,
          client=None, pool=None, plan: Plan | None = None, progress=None) -> GradeResult:
    """Grade `source` against `challenge`; always returns a result, never raises.

    pool: a judge.pool.SandboxPool to take a warm container from (else one is started).
    plan: a prepared plan for this challenge (its seed is the grading's seed).
    progress: called as progress(index, count, property_name) before each property.
    """
    if plan is not None:
        seed = plan.seed
    seed = random.randrange(2**32) if seed is None else int(seed)
    started = time.monotonic()
    try:
        return Grader(challenge, source, seed, image or image_tag(), client, pool, plan,
                      progress).run()
    except (Exception, ReferenceFailed) as exc:  # a judge bug: not the user's fault
        log.exception("grading %s failed", challenge.id)
        return GradeResult(challenge=challenge.id, verdict=Verdict.INTERNAL_ERROR, score=0,
                           seed=seed, duration_s=round(time.monotonic() - started, 3),
                           message=f"the judge failed: {type(exc).__name__}: {exc}")


class Session:
    """One container with the submission imported and ready for calls."""

    def __init__(self, grader: "Grader"):
        self.grader = grader
        self.sandbox = None
        self.output = ""

    def open(self) -> Failure | None:
        grader = self.grader
        started = time.monotonic()
        self.sandbox = grader.pool.take() if grader.pool is not None else None
        if self.sandbox is None:
            self.sandbox = Sandbox(grader.image, grader.limits, client=grader.client)
            self.sandbox.start()
        grader.container_start_s += time.monotonic() - started
        grader.set_speed(self.sandbox.hello.get("calibration_s"))
        cpu = grader.scaled(LOAD_TIMEOUT_S)
        try:
            reply = self.sandbox.load(grader.source, grader.challenge.function, cpu,
                                      WALL_FACTOR * cpu + WALL_SLACK_S,
                                      WALL_FACTOR * cpu + WALL_SLACK_S + HOST_SLACK_S)
        except SandboxError as exc:
            return self.import_limits(Failure(VERDICT_OF[exc.kind],
                                              f"while importing your code: {exc.message}"))
        if reply.get("status") == "loaded":
            return None
        if reply.get("status") == "compile_error":
            return Failure(Verdict.COMPILE_ERROR, str(reply.get("message", "")))
        failure = reply_failure(reply)
        failure.message = f"while importing your code: {failure.message}"
        return self.import_limits(failure)

    def import_limits(self, failure: Failure) -> Failure:
        """An import that ran out of time or memory names the limit it hit."""
        if failure.verdict is Verdict.TIME_LIMIT_EXCEEDED:
            failure.message += (f"; importing may take "
                                f"{limit_text(LOAD_TIMEOUT_S, self.grader.speed, timed=False)}")
        elif failure.verdict is Verdict.MEMORY_LIMIT_EXCEEDED:
            failure.message += f"; the memory limit is {self.grader.challenge.limits.memory_mb} MB"
        return failure

    def batch(self, bodies: list, limits: CallLimits) -> list:
        """Replies for these calls (fewer when one was fatal); raises SandboxError."""
        timeout = min(len(bodies) * limits.kill_wall_s,
                      max(0.0, self.grader.deadline - time.monotonic())) + HOST_SLACK_S
        return self.sandbox.batch(bodies, limits.kill_cpu_s, limits.kill_wall_s, timeout)

    @property
    def alive(self) -> bool:
        return self.sandbox is not None and not self.sandbox.dead

    def close(self) -> None:
        if self.sandbox is None:
            return
        if self.alive:
            try:
                reply = self.sandbox.request({"op": "output"}, 5.0)
                self.output = kept_output(reply)
            except SandboxError:
                pass
        if self.grader.pool is not None:
            self.grader.pool.discard(self.sandbox)
        else:
            self.sandbox.close()
        self.sandbox = None


class Grader:
    def __init__(self, challenge: Challenge, source: str, seed: int, image: str, client,
                 pool, plan: Plan | None, progress):
        self.challenge, self.source, self.seed = challenge, source, seed
        self.image, self.client, self.pool, self.progress = image, client, pool, progress
        self.plan = plan if plan is not None and plan.challenge == challenge.id else None
        self.limits = Limits(memory_mb=challenge.limits.memory_mb)
        if pool is not None and pool.limits != self.limits:
            self.pool = None  # the pool's containers are made for other limits
        self.started = time.monotonic()
        self.deadline = self.started + challenge.limits.budget_s  # until the plan is known
        self.budget_s = challenge.limits.budget_s
        self.wall_used = 0.0
        self.speed = 1.0
        self.calibration_s = None
        self.container_start_s = 0.0
        self.cpu_used = 0.0
        self.calls = 0
        self.slowest_timed = None
        self.output = ""
        self.plan_s = 0.0

    # ------------------------------------------------------------ timing

    def set_speed(self, calibration_s) -> None:
        """Scale every limit by how slow this host is against the nominal machine."""
        if isinstance(calibration_s, (int, float)) and calibration_s > 0 and self.calibration_s is None:
            low, high = SPEED_FACTOR_RANGE
            self.calibration_s = calibration_s
            self.speed = min(high, max(low, calibration_s / NOMINAL_CALIBRATION_S))

    def scaled(self, nominal_s: float) -> float:
        return nominal_s * self.speed

    def timed_limit(self, prop) -> float:
        return self.scaled(prop.time_limit_s) + TIMING_ALLOWANCE_S

    def call_limits(self, prop) -> CallLimits:
        if prop.timed:
            limit = self.timed_limit(prop)
            kill = KILL_FACTOR * limit
        else:
            limit, kill = None, self.scaled(self.challenge.limits.call_timeout_s)
            return CallLimits(None, kill, UNTIMED_WALL_FACTOR * kill + WALL_SLACK_S)
        return CallLimits(limit, kill, WALL_FACTOR * kill + WALL_SLACK_S)

    # ------------------------------------------------------------ run

    def run(self) -> GradeResult:
        if len(self.source.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
            return self.finish([], Failure(Verdict.COMPILE_ERROR,
                                           f"the source is larger than {MAX_SOURCE_BYTES} bytes"))
        if self.plan is None:
            started = time.monotonic()
            self.plan = make_plan(self.challenge, self.seed)
            self.plan_s = time.monotonic() - started
        session, load_failure = self.open_session()
        if load_failure:
            return self.finish([], load_failure)
        self.budget_s = min(self.challenge.limits.budget_s, self.wall_budget())
        self.deadline = time.monotonic() + self.budget_s
        results, failures, restarts, stopped = [], [], 0, None
        count = len(self.challenge.properties)
        try:
            for index, (prop, planned) in enumerate(zip(self.challenge.properties,
                                                        self.plan.properties)):
                if stopped is not None:
                    results.append(self.not_run(prop, stopped))
                    continue
                if not session.alive:
                    if restarts >= MAX_RESTARTS or time.monotonic() > self.deadline:
                        results.append(self.not_run(prop, "not run: the sandbox stopped too often"))
                        continue
                    self.close_session(session)
                    restarts += 1
                    session, load_failure = self.open_session()
                    if load_failure:
                        results.append(self.not_run(prop, f"not run: {load_failure.message}"))
                        continue
                if self.progress is not None:
                    self.progress(index, count, prop.name)
                result, failure, example = self.run_planned(prop, planned, session)
                results.append(result)
                if failure:
                    failures.append((index, prop, failure, example))
                if failure and failure.timeout:
                    stopped = "not run: an earlier call ran out of time"
            first = most_specific(failures)
            if first is not None:
                session, shrunk = self.shrink_first(first, session)
                if shrunk is not None:
                    first = (first[0], first[1], shrunk, first[3])
                    results[first[0]] = replace(results[first[0]], message=shrunk.message,
                                                verdict=shrunk.verdict)
        finally:
            self.close_session(session)
        if first is None:
            return self.finish(results, None)
        # the verdict and its message stay the earliest failure's; the counterexample shown is
        # the most specific one's, with the other failing properties listed beside it
        earliest = first if failures[0][0] == first[0] else failures[0]
        also = tuple(f[1].name for f in failures if f[0] != first[0])
        return self.finish(results, earliest[2], first[1], also, shown=first[2])

    def open_session(self) -> tuple[Session, Failure | None]:
        session = Session(self)
        try:
            failure = session.open()
        except BaseException:
            session.close()
            raise
        if failure:
            self.close_session(session)
        return session, failure

    def close_session(self, session: Session) -> None:
        """Remove the container, keeping what the first session printed for the user."""
        session.close()
        self.output = self.output or session.output

    def not_run(self, prop, message: str) -> PropertyResult:
        return PropertyResult(prop.name, prop.description, prop.weight, False, message,
                              Verdict.RUNTIME_ERROR)

    def run_planned(self, prop, planned: tuple, session: Session):
        """All of a property's planned examples, a batch at a time, up to the first failure.

        Returns (result, failure or None, index of the failing example or None).
        """
        started = time.monotonic()
        limits = self.call_limits(prop)
        failure, failed_at, ran = None, None, 0
        first_calls = FIRST_BATCH
        while ran < len(planned) and failure is None:
            if time.monotonic() > self.deadline:
                failure = self.budget_failure(planned[ran])
                break
            chunk = _chunk(planned, ran, first_calls)
            first_calls = BATCH_CALLS
            try:
                replies = session.batch([e.body for e in chunk], limits)
            except SandboxError as exc:
                if time.monotonic() >= self.deadline:  # the host stopped it at the budget
                    failure = self.budget_failure(chunk[0])
                else:
                    failure = self.with_limits(prop, Failure(
                        VERDICT_OF[exc.kind], exc.message, chunk[0].args, chunk[0].expected,
                        fatal=True, timeout=exc.kind == "time_limit_exceeded"))
                failed_at = ran
                break
            for example, reply in zip(chunk, replies):
                failure = self.judge_reply(prop, limits, example.args, example.expected, reply)
                ran += 1
                if failure:
                    failed_at = ran - 1
                    break
        spent = round(time.monotonic() - started, 3)
        if failure is None:
            return PropertyResult(prop.name, prop.description, prop.weight, True, "passed",
                                  None, ran, spent), None, None
        return (PropertyResult(prop.name, prop.description, prop.weight, False, failure.message,
                               failure.verdict, ran, spent, hint_of(prop)), failure, failed_at)

    def judge_reply(self, prop, limits: CallLimits, args, expected, reply: dict) -> Failure | None:
        """The verdict on one answer (None: correct and in time)."""
        self.calls += 1
        spent = reply.get("cpu_s") if reply.get("cpu_s") is not None else reply.get("wall_s")
        self.cpu_used += spent if isinstance(spent, (int, float)) else 0.0
        wall = reply.get("wall_s")
        self.wall_used += wall if isinstance(wall, (int, float)) else 0.0
        if reply.get("status") != "ok":
            return self.with_limits(prop, reply_failure(reply, args, expected))
        try:
            got = wire.decode(reply["value"], blobs=reply.get("__blobs__"))
        except (wire.WireError, ValueError, KeyError) as exc:
            return Failure(Verdict.WRONG_ANSWER, f"returned a malformed value: {exc}", args,
                           expected)
        try:
            mismatch = self.challenge.compare(expected, got, args)
        except Exception as exc:  # a malformed answer tripped the comparator
            mismatch = f"the answer could not be checked ({type(exc).__name__})"
        if mismatch:
            return Failure(Verdict.WRONG_ANSWER, mismatch, args, expected, got, answered=True)
        changed = reply.get("changed")
        if self.challenge.inputs_unchanged and changed:
            names = [name for i, name in enumerate(self.challenge.params)
                     if isinstance(changed, list) and i in changed] or ["an argument"]
            return Failure(Verdict.WRONG_ANSWER,
                           f"the answer is right but the call changed {', '.join(names)} in "
                           "place; the contract says the inputs are not modified",
                           args, expected, got, answered=True)
        if limits.cpu_s is not None and isinstance(spent, (int, float)):
            self.slowest_timed = max(self.slowest_timed or 0.0, spent)
            if spent > limits.cpu_s:
                return Failure(Verdict.TIME_LIMIT_EXCEEDED,
                               f"took {spent:.3f} s of CPU on {self.input_of(prop, args)}; the "
                               f"limit is {self.limit_of(prop)}", args, expected, got,
                               answered=True)
        return None

    def input_of(self, prop, args) -> str:
        """The input a limit was hit on, in words."""
        if prop.timed:
            return f"the timed input ({prop.size})"
        size = input_size(self.challenge.named_args(args)) if args is not None else ""
        return f"an input with {size}" if size else "a small input"

    def limit_of(self, prop) -> str:
        if prop.timed:
            return limit_text(prop.time_limit_s, self.speed, timed=True)
        return (f"{limit_text(self.challenge.limits.call_timeout_s, self.speed, timed=False)} "
                "for any one call")

    def with_limits(self, prop, failure: Failure) -> Failure:
        """A time or memory failure's message, naming the limit and the input it hit."""
        if failure.verdict is Verdict.TIME_LIMIT_EXCEEDED:
            failure.message = (f"{failure.message}, on {self.input_of(prop, failure.args)}; "
                               f"the limit is {self.limit_of(prop)}")
        elif failure.verdict is Verdict.MEMORY_LIMIT_EXCEEDED:
            failure.message = (f"{failure.message}, on {self.input_of(prop, failure.args)}; "
                               f"the memory limit is {self.challenge.limits.memory_mb} MB")
        return failure

    def wall_budget(self) -> float:
        """Wall seconds this grading may take: generous for any correct solution (about 20
        times what a tiny call needs, 1.5 times each timed call's limit), so that code which
        sleeps a little in every call still ends quickly."""
        total = BUDGET_BASE_S
        for prop, planned in zip(self.challenge.properties, self.plan.properties):
            per_call = 1.5 * self.timed_limit(prop) if prop.timed else self.scaled(UNTIMED_CALL_S)
            total += BUDGET_PER_PROPERTY_S + len(planned) * per_call
        return total

    def budget_failure(self, example) -> Failure:
        waited = self.wall_used - self.cpu_used
        how = (f"; the calls spent {waited:.1f} s waiting and only {self.cpu_used:.1f} s "
               "computing (sleeping or blocked)" if waited > self.cpu_used else "")
        return Failure(Verdict.TIME_LIMIT_EXCEEDED,
                       f"grading ran past its {self.budget_s:.0f} s budget{how}",
                       example.args, example.expected, fatal=True, timeout=True)

    # ------------------------------------------------------------ shrinking

    def shrink_first(self, first, session: Session) -> tuple[Session, Failure | None]:
        """Shrink the first failing property's counterexample, when it can be shrunk.

        Returns the session (a new one if the old had stopped) and the shrunk failure: the
        last failure hypothesis saw, which is its final replay of the smallest one.
        """
        index, prop, failure, example_index = first
        planned = self.plan.properties[index][example_index] if example_index is not None else None
        if prop.timed or planned is None or planned.choices is None or failure.timeout:
            return session, None
        if not session.alive:
            self.close_session(session)
            session, load_failure = self.open_session()
            if load_failure:
                return session, None
        limits = self.call_limits(prop)
        seen = []

        def check(args):
            if time.monotonic() > self.deadline or not session.alive:
                raise StopShrinking
            expected = reference_answer(self.challenge, args)
            try:
                replies = session.batch([wire.call_body(
                    args, self.challenge.inputs_unchanged)], limits)
            except SandboxError:
                raise StopShrinking from None
            found = self.judge_reply(prop, limits, args, expected, replies[0])
            if found is None:
                return
            seen.append(found)
            if found.fatal:
                raise StopShrinking
            raise AssertionError(found.message)

        shrink(prop, planned.choices, check, self.seed)
        if not seen:
            return session, None
        seen[-1].shrunk = not seen[-1].fatal
        return session, seen[-1]

    # ------------------------------------------------------------ result

    def finish(self, results, failure: Failure | None, prop=None, also: tuple = (),
               shown: Failure | None = None) -> GradeResult:
        """The result; `prop` and `shown` (default: `failure`) give the counterexample."""
        total = sum(p.weight for p in self.challenge.properties)
        passed = sum(r.weight for r in results if r.passed)
        if failure is None and len(results) == len(self.challenge.properties):
            verdict, score, message = Verdict.ACCEPTED, 100, "all properties passed"
        else:
            verdict = failure.verdict if failure else Verdict.INTERNAL_ERROR
            score = int(100 * passed // total) if total else 0
            message = failure.message if failure else "not every property ran"
            if not results:  # the code never loaded: report every property as failed
                results = [self.not_run(p, f"not run: {message}") for p in self.challenge.properties]
        # messages can quote the submission (an exception's text): bounded like its values
        message = cut_text(message, MAX_MESSAGE)
        results = [replace(r, message=cut_text(r.message, MAX_MESSAGE)) if r.message
                   and len(r.message) > MAX_MESSAGE else r for r in results]
        timed = [p for p in self.challenge.properties if p.timed]
        extra = {"plan": "prepared" if self.plan_s == 0.0 else "drawn",
                 "plan_s": round(self.plan_s, 3)}
        return GradeResult(
            challenge=self.challenge.id, verdict=verdict, score=score, properties=tuple(results),
            counterexample=self.counterexample(prop, shown or failure, also), seed=self.seed,
            duration_s=round(time.monotonic() - self.started, 3), message=message,
            time_used_s=round(self.cpu_used, 4),
            time_limit_s=round(self.timed_limit(timed[0]), 4) if timed else None,
            reference_time_limit_s=timed[0].time_limit_s if timed else None,
            timed_size=timed[0].size if timed else None, speed_factor=round(self.speed, 3),
            memory_mb=self.challenge.limits.memory_mb,
            slowest_timed_call_s=None if self.slowest_timed is None else round(self.slowest_timed, 4),
            container_start_s=round(self.container_start_s, 3), calibration_s=self.calibration_s,
            output=self.output, calls=self.calls, extra=extra)

    def counterexample(self, prop, failure: Failure | None, also: tuple = ()) -> Counterexample | None:
        if failure is None or failure.args is None or prop is None:
            return None
        return Counterexample(
            property=prop.name, inputs=to_display(self.challenge.named_args(failure.args)),
            expected=to_display(failure.expected), got=to_display(failure.got),
            message=cut_text(failure.message, MAX_MESSAGE), shrunk=failure.shrunk,
            answered=failure.answered, hint=hint_of(prop), also_failed=also)


def kept_output(reply: dict) -> str:
    """What the submission printed, as the runner kept it (its first 8 KB), with a marker
    saying how much more there was."""
    text = reply.get("text") if isinstance(reply.get("text"), str) else ""
    total, kept = reply.get("output_bytes"), len(text.encode("utf-8", "replace"))
    if isinstance(total, int) and total > kept:
        return f"{text}… ({total - kept} more bytes not kept)"
    return text


def most_specific(failures: list):
    """The failure whose counterexample is shown: the highest-ranked property's, the
    earliest among equals (failures are (index, property, failure, example))."""
    if not failures:
        return None
    return max(failures, key=lambda found: (found[1].rank, -found[0]))


def hint_of(prop) -> str:
    """What a failure of `prop` says to fix: its own hint, else the rule its description states."""
    return prop.hint or f"This property tries: {prop.description}"


def _chunk(planned: tuple, start: int, most: int) -> tuple:
    """The next examples for one frame: at most `most` calls and BATCH_BYTES of arguments."""
    end, size = start, 0
    while end < len(planned) and end - start < most:
        size += len(planned[end].body)
        if end > start and size > BATCH_BYTES:
            break
        end += 1
    return planned[start:end]


def reply_failure(reply: dict, args=None, expected=None) -> Failure:
    """Map a non-ok runner reply to the failure it means."""
    status = reply.get("status")
    if status == "bad_value":
        return Failure(Verdict.WRONG_ANSWER, str(reply.get("message", "unsupported return value")),
                       args, expected)
    if status == "error":
        trace = reply.get("traceback")
        where = f" ({'; '.join(map(str, trace))})" if isinstance(trace, list) and trace else ""
        text = f"{str(reply.get('type'))[:80]}: {str(reply.get('message'))[:2000]}{where}"
        verdict = Verdict.MEMORY_LIMIT_EXCEEDED if reply.get("memory") else Verdict.RUNTIME_ERROR
        return Failure(verdict, text, args, expected)
    if status == "timeout":
        return Failure(Verdict.TIME_LIMIT_EXCEEDED, timeout_message(reply), args, expected,
                       fatal=True, timeout=True)
    if status == "died":
        return Failure(*death_cause(reply), args, expected, fatal=True)
    if status in ("output_limit", "reply_limit"):
        return Failure(Verdict.OUTPUT_LIMIT_EXCEEDED,
                       str(reply.get("message", "too much output"))[:200], args, expected,
                       fatal=True)
    detail = reply.get("message") or f"unexpected reply {str(status)[:40]!r}"
    return Failure(Verdict.RUNTIME_ERROR, f"the sandbox protocol was broken ({str(detail)[:200]})",
                   args, expected, fatal=True)


def timeout_message(reply: dict) -> str:
    """Say whether the stopped call was computing or waiting (sleeping, blocked)."""
    cpu, wall = reply.get("cpu_s"), reply.get("wall_s")
    cpu_limit, wall_limit = reply.get("cpu_limit_s"), reply.get("wall_limit_s")
    queued = reply.get("queued_s") if isinstance(reply.get("queued_s"), (int, float)) else 0.0
    if isinstance(cpu, (int, float)) and isinstance(wall, (int, float)) and \
            cpu + queued < 0.5 * wall:  # neither computing nor ready to: sleeping or blocked
        return (f"the call was stopped after waiting {wall:.1f} s while computing for only "
                f"{cpu:.2f} s (sleeping or blocked); a call may take at most "
                f"{wall_limit:.1f} s of wall time")
    if isinstance(cpu, (int, float)) and isinstance(wall_limit, (int, float)) and \
            isinstance(wall, (int, float)) and wall >= wall_limit and cpu < (cpu_limit or 0):
        return (f"the call was stopped after {wall:.1f} s without an answer while computing "
                f"(it had {cpu:.2f} s of CPU: this host was busy)")
    if isinstance(cpu_limit, (int, float)):
        return f"the call was stopped after {cpu_limit:.2f} s of CPU without an answer"
    return "the call was stopped: it ran out of time"


def death_cause(reply: dict) -> tuple[Verdict, str]:
    if reply.get("oom"):
        return Verdict.MEMORY_LIMIT_EXCEEDED, "your code ran out of memory and was killed"
    signal_name = reply.get("signal")
    if signal_name == "SIGSEGV":
        return Verdict.RUNTIME_ERROR, "your code crashed (SIGSEGV; often recursion that is too deep)"
    if signal_name:
        return Verdict.RUNTIME_ERROR, f"your code's process was killed by {signal_name}"
    if reply.get("exit_code") == RUNNER_BROKEN_EXIT and not reply.get("container_exit"):
        return Verdict.RUNTIME_ERROR, ("your code broke its own process so badly that it could "
                                       "not answer (for example by replacing builtins)")
    if reply.get("container_exit"):
        return Verdict.RUNTIME_ERROR, "the sandbox stopped during the call (did your code kill it?)"
    return Verdict.RUNTIME_ERROR, f"your code exited (status {reply.get('exit_code')}) during the call"
