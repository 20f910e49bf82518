"""Grade one submission: hypothesis runs on the host, the submission answers in a container.

Every example hypothesis draws is sent to the runner; the plain-data answer comes back and is
compared on the host with the reference's. The submission never sees the properties or the
reference, and nothing it does inside its process can change how its answers are judged.
"""
import copy
import logging
import random
import time
import warnings
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, Verbosity, example, given, seed as hypothesis_seed
from hypothesis import settings
from hypothesis.errors import HypothesisWarning

from judge import wire
from judge.catalogue import Challenge
from judge.compare import COMPARATORS
from judge.display import to_display
from judge.image import image_tag
from judge.result import Counterexample, GradeResult, PropertyResult
from judge.sandbox import Limits, Sandbox, SandboxError
from judge.verdicts import Verdict

log = logging.getLogger(__name__)

NOMINAL_CALIBRATION_S = 0.010  # the calibration workload's CPU time on the nominal machine
SPEED_FACTOR_RANGE = (0.25, 20.0)
TIMING_ALLOWANCE_S = 0.05  # fixed slack on every timed call (process and protocol noise)
KILL_SLACK_S = 1.0  # extra wall time before the host kills a call outright
LOAD_TIMEOUT_S = 5.0  # nominal seconds for importing the submission
MAX_SOURCE_BYTES = 64 * 1024
RUNNER_BROKEN_EXIT = 70  # sandbox/runner.py BROKEN_EXIT
MAX_RESTARTS = 2  # fresh containers after a fatal failure, so later properties still count
VERDICT_OF = {"time_limit_exceeded": Verdict.TIME_LIMIT_EXCEEDED,
              "runtime_error": Verdict.RUNTIME_ERROR,
              "internal_error": Verdict.INTERNAL_ERROR}


class Abort(BaseException):
    """Stop hypothesis at once (BaseException, so it is not treated as a failing example)."""


class PropertyFailed(AssertionError):
    """One example failed; hypothesis shrinks towards the smallest such example."""


@dataclass
class Failure:
    verdict: Verdict
    message: str
    args: tuple | None = None
    expected: object = None
    got: object = None
    fatal: bool = False  # the sandbox is gone: stop this property, start a fresh one


def grade(challenge: Challenge, source: str, *, seed: int | None = None, image: str | None = None,
          client=None) -> GradeResult:
    """Grade `source` against `challenge`; always returns a result, never raises."""
    seed = random.randrange(2**32) if seed is None else int(seed)
    started = time.monotonic()
    try:
        return Grader(challenge, source, seed, image or image_tag(), client).run()
    except (Exception, ReferenceFailed) as exc:  # a judge bug: not the user's fault
        log.exception("grading %s failed", challenge.id)
        return GradeResult(challenge=challenge.id, verdict=Verdict.INTERNAL_ERROR, score=0,
                           seed=seed, duration_s=round(time.monotonic() - started, 3),
                           message=f"the judge failed: {type(exc).__name__}: {exc}")


class Session:
    """One container with the submission imported and ready for calls."""

    def __init__(self, grader: "Grader"):
        self.grader = grader
        self.sandbox = Sandbox(grader.image, Limits(memory_mb=grader.challenge.limits.memory_mb),
                               client=grader.client)
        self.output = ""

    def open(self) -> Failure | None:
        started = time.monotonic()
        self.sandbox.start()
        self.grader.container_start_s += time.monotonic() - started
        self.grader.set_speed(self.sandbox.hello.get("calibration_s"))
        timeout = self.grader.scaled(LOAD_TIMEOUT_S) + KILL_SLACK_S
        request = {"op": "load", "source": self.grader.source,
                   "function": self.grader.challenge.function}
        try:
            reply = self.sandbox.request(request, timeout)
        except SandboxError as exc:
            return Failure(VERDICT_OF[exc.kind], f"while importing your code: {exc.message}")
        if reply.get("status") == "loaded":
            return None
        if reply.get("status") == "compile_error":
            return Failure(Verdict.COMPILE_ERROR, str(reply.get("message", "")))
        failure = reply_failure(reply)
        failure.message = f"while importing your code: {failure.message}"
        return failure

    def call(self, args: tuple, timeout_s: float) -> dict:
        return self.sandbox.request({"op": "call", "args": wire.encode(list(args))}, timeout_s)

    @property
    def alive(self) -> bool:
        return not self.sandbox.dead

    def close(self) -> None:
        if self.alive:
            try:
                reply = self.sandbox.request({"op": "output"}, 5.0)
                self.output = reply.get("text", "") if isinstance(reply.get("text"), str) else ""
            except SandboxError:
                pass
        self.sandbox.close()


class Grader:
    def __init__(self, challenge: Challenge, source: str, seed: int, image: str, client):
        self.challenge = challenge
        self.source = source
        self.seed = seed
        self.image = image
        self.client = client
        self.compare = COMPARATORS[challenge.output]
        self.started = time.monotonic()
        self.deadline = self.started + challenge.limits.budget_s
        self.speed = 1.0
        self.calibration_s = None
        self.container_start_s = 0.0
        self.cpu_used = 0.0
        self.calls = 0
        self.slowest_timed = None
        self.output = ""

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

    # ------------------------------------------------------------ run

    def run(self) -> GradeResult:
        if len(self.source.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
            return self.finish([], Failure(Verdict.COMPILE_ERROR,
                                           f"the source is larger than {MAX_SOURCE_BYTES} bytes"))
        session, load_failure = self.open_session()
        if load_failure:
            return self.finish([], load_failure)
        results, first_failure, restarts = [], None, 0
        try:
            for prop in self.challenge.properties:
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
                result, failure = self.run_property(prop, session,
                                                    shrink=first_failure is None)
                results.append(result)
                if failure and first_failure is None:
                    first_failure = (prop, failure)
        finally:
            self.close_session(session)
        return self.finish(results, first_failure[1] if first_failure else None,
                           first_failure[0] if first_failure else None)

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

    def run_property(self, prop, session: Session,
                     shrink: bool = True) -> tuple[PropertyResult, Failure | None]:
        """Run one property; only the first failing property is shrunk (it alone is shown)."""
        state = {"last": None, "examples": 0}
        started = time.monotonic()

        def check(args):
            if time.monotonic() > self.deadline:
                state["last"] = Failure(Verdict.TIME_LIMIT_EXCEEDED,
                                        f"grading ran past its {self.challenge.limits.budget_s:.0f} s "
                                        "budget", args, fatal=True)
                raise Abort
            state["examples"] += 1
            failure = self.check_example(prop, session, args)
            if failure:
                state["last"] = failure
                if failure.fatal:
                    raise Abort
                raise PropertyFailed(failure.message)

        test = given(args=prop.strategy)(check)
        for explicit in reversed(prop.explicit):
            test = example(args=explicit)(test)
        phases = (Phase.explicit, Phase.generate, Phase.shrink) if shrink and not prop.timed \
            else (Phase.explicit, Phase.generate)
        test = settings(max_examples=prop.max_examples, deadline=None, database=None,
                        phases=phases, suppress_health_check=list(HealthCheck),
                        report_multiple_bugs=False, verbosity=Verbosity.quiet,
                        print_blob=False)(test)
        test = hypothesis_seed(self.seed)(test)
        try:
            with warnings.catch_warnings():  # e.g. "overly large repr" of a big timed input
                warnings.simplefilter("ignore", HypothesisWarning)
                test()
        except ReferenceFailed:
            raise
        except (Abort, PropertyFailed):
            pass
        except Exception as exc:  # Flaky and friends: keep the failure we saw, if any
            if state["last"] is None:
                raise
            log.info("property %s ended with %s", prop.name, type(exc).__name__)
        failure = state["last"]
        spent = round(time.monotonic() - started, 3)
        if failure is None:
            return PropertyResult(prop.name, prop.description, prop.weight, True, "passed",
                                  None, state["examples"], spent), None
        return PropertyResult(prop.name, prop.description, prop.weight, False, failure.message,
                              failure.verdict, state["examples"], spent), failure

    def check_example(self, prop, session: Session, args: tuple) -> Failure | None:
        limit = self.timed_limit(prop) if prop.timed else None
        hard = (3 * limit if limit else self.scaled(self.challenge.limits.call_timeout_s)) + KILL_SLACK_S
        try:
            reply = session.call(args, hard)
        except SandboxError as exc:
            return Failure(VERDICT_OF[exc.kind], exc.message, args, fatal=True)
        self.calls += 1
        spent = reply.get("cpu_s") if reply.get("cpu_s") is not None else reply.get("wall_s", 0.0)
        self.cpu_used += spent or 0.0
        expected = self.reference(args)
        if reply.get("status") != "ok":
            failure = reply_failure(reply)
            failure.args, failure.expected = args, expected
            return failure
        try:
            got = wire.decode(reply["value"])
        except (wire.WireError, ValueError, KeyError) as exc:
            return Failure(Verdict.WRONG_ANSWER, f"returned a malformed value: {exc}", args, expected)
        mismatch = self.compare(expected, got)
        if mismatch:
            return Failure(Verdict.WRONG_ANSWER, mismatch, args, expected, got)
        if limit is not None:
            self.slowest_timed = max(self.slowest_timed or 0.0, spent)
            if spent > limit:
                return Failure(Verdict.TIME_LIMIT_EXCEEDED,
                               f"took {spent:.3f} s of CPU; the limit is {limit:.3f} s",
                               args, expected, got)
        return None

    def reference(self, args: tuple):
        try:
            return self.challenge.reference(*copy.deepcopy(args))
        except Exception as exc:
            raise ReferenceFailed(f"the reference failed on {args!r}: {exc!r}") from exc

    # ------------------------------------------------------------ result

    def finish(self, results, failure: Failure | None, prop=None) -> GradeResult:
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
        timed = [p for p in self.challenge.properties if p.timed]
        return GradeResult(
            challenge=self.challenge.id, verdict=verdict, score=score, properties=tuple(results),
            counterexample=self.counterexample(prop, failure), seed=self.seed,
            duration_s=round(time.monotonic() - self.started, 3), message=message,
            time_used_s=round(self.cpu_used, 4),
            time_limit_s=round(self.timed_limit(timed[0]), 4) if timed else None,
            slowest_timed_call_s=None if self.slowest_timed is None else round(self.slowest_timed, 4),
            container_start_s=round(self.container_start_s, 3), calibration_s=self.calibration_s,
            output=self.output, calls=self.calls)

    def counterexample(self, prop, failure: Failure | None) -> Counterexample | None:
        if failure is None or failure.args is None or prop is None:
            return None
        return Counterexample(
            property=prop.name, inputs=to_display(self.challenge.named_args(failure.args)),
            expected=to_display(failure.expected), got=to_display(failure.got),
            message=failure.message, shrunk=not (failure.fatal or prop.timed))


class ReferenceFailed(Abort):
    """The trusted reference raised: a judge bug, surfaced as internal_error."""


def reply_failure(reply: dict) -> Failure:
    """Map a non-ok runner reply to the failure it means."""
    status = reply.get("status")
    if status == "bad_value":
        return Failure(Verdict.WRONG_ANSWER, str(reply.get("message", "unsupported return value")))
    if status == "error":
        trace = reply.get("traceback")
        where = f" ({'; '.join(map(str, trace))})" if isinstance(trace, list) and trace else ""
        text = f"{str(reply.get('type'))[:80]}: {str(reply.get('message'))[:2000]}{where}"
        verdict = Verdict.MEMORY_LIMIT_EXCEEDED if reply.get("memory") else Verdict.RUNTIME_ERROR
        return Failure(verdict, text)
    if status == "died":
        return Failure(*death_cause(reply), fatal=True)
    if status == "output_limit":
        return Failure(Verdict.OUTPUT_LIMIT_EXCEEDED, reply.get("message", "too much output"),
                       fatal=True)
    detail = reply.get("message") or f"unexpected reply {str(status)[:40]!r}"
    return Failure(Verdict.RUNTIME_ERROR, f"the sandbox protocol was broken ({str(detail)[:200]})",
                   fatal=True)


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
