"""`python -m generator`: see generator.cli.

This process runs one command and exits, so it skips two costs that only pay off in a process
that goes on: the cycle collector (the stages drop little before the end, and a collection
after a run over a large spec walks millions of live objects for half a second), and the
interpreter's teardown, which frees every one of those objects on the way out (as long again).
Every file the command writes is closed by then; only the standard streams need flushing.
"""

import gc
import os
import sys

gc.disable()

from .cli import main  # noqa: E402  (after gc.disable: importing allocates too)

code = main()
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:  # the reader went away (`... | head`): there is no one left to tell
    pass
os._exit(code)
