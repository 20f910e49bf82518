"""cvjudge's grading engine: challenges in, verdicts out. Knows nothing of the web app."""
