"""One example is enough: the reference kills the grading process at the first call."""
from hypothesis import strategies as st

from judge.properties import Property

PROPERTIES = [Property("any", "Adds two integers.", st.tuples(st.integers(), st.integers()),
                       max_examples=1)]
