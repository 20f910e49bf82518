"""Scale-test properties: a handful of calls, so a burst measures the queue, not hypothesis."""
from hypothesis import strategies as st

from judge.properties import Property

small = st.integers(-100, 100)
PROPERTIES = [
    Property("integers", "Adds two small integers.", st.tuples(small, small), weight=2,
             explicit=((0, 0),), max_examples=5),
    Property("floats", "Adds two floats.", st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)),
             max_examples=5),
]
