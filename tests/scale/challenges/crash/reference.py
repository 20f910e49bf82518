"""A reference that kills the process grading with it: stands for a grader crash (a segfault in
a native library, the out-of-memory killer) that strikes the same submission every time."""
import os
import signal


def add(a, b):
    os.kill(os.getpid(), signal.SIGKILL)
