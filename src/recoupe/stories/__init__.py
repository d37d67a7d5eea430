"""Stories: articles that report the same thing, grouped as they arrive, and the claims
their sources agree or disagree on."""
