"""The error an executor raises when it cannot run at all (as opposed to one item failing)."""


class ExecutorError(Exception):
    """The executor cannot start; the message says why, in one line."""
