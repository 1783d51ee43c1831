"""Property-based tests (hypothesis) that drive the public forms and listings with hostile input.

``FUZZ_EXAMPLES`` sets the examples per test: 100 in ``make test``, 1,000 and more in
``make fuzz``, which runs without xdist so that the count below is printed.
"""

import os
from collections import Counter

from hypothesis import HealthCheck, settings

settings.register_profile(
    "intranet",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")),
    deadline=None,  # a request that creates a page and starts a workflow takes its time
    # The examples share function-scoped fixtures (site, client) on purpose; each example
    # rolls back its own database changes.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=os.environ.get("FUZZ_DERANDOMIZE") == "1",
)
settings.load_profile("intranet")
# A valid registration renders three pages per example: in `make test` a quarter of the
# examples suffices; `make fuzz` runs them all.
VALID_REGISTRATION_EXAMPLES = int(
    os.environ.get("FUZZ_VALID_EXAMPLES", max(10, settings().max_examples // 4))
)

EXAMPLES = Counter()  # test name -> examples run, for the summary of `make fuzz`


def pytest_terminal_summary(terminalreporter):
    if EXAMPLES:
        terminalreporter.write_sep("-", "hypothesis examples run")
        for name, count in sorted(EXAMPLES.items()):
            terminalreporter.write_line(f"{count:6d}  {name}")
        terminalreporter.write_line(f"{sum(EXAMPLES.values()):6d}  in all")
