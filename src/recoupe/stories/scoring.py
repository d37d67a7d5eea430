"""How close a grouping of articles into stories is to a reference grouping."""

from __future__ import annotations


def b_cubed(reference: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the articles of `reference` (article -> group)."""

    def clusters(assignment: dict[str, str]) -> dict[str, set[str]]:
        groups: dict[str, set[str]] = {}
        for article in reference:
            groups.setdefault(assignment[article], set()).add(article)
        return groups

    wanted, made = clusters(reference), clusters(found)
    overlap = {a: len(wanted[reference[a]] & made[found[a]]) for a in reference}
    precision = sum(overlap[a] / len(made[found[a]]) for a in reference) / len(reference)
    recall = sum(overlap[a] / len(wanted[reference[a]]) for a in reference) / len(reference)
    return precision, recall, 2 * precision * recall / (precision + recall)
