"""The one exception type a stage raises for a document it cannot handle."""


class DocumentError(Exception):
    """A document that cannot be processed; the message says why, in one line."""


class NotSelected(DocumentError):
    """A document that the run's selection (language, host) leaves out: not an error."""
