"""What every worker process does once, whichever executor started it."""

from functools import cache

from threadpoolctl import threadpool_limits


@cache
def one_thread_per_worker() -> None:
    """Workers already use every core: numerical libraries that start threads of their own
    in each of them only make the workers fight (measured: a quarter slower on 2 cores)."""
    threadpool_limits(limits=1)
