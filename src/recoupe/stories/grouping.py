"""Grouping articles into stories as they arrive.

A near-identical copy (a wire dispatch reprinted, MinHash LSH) or a version of a dispatch
under the same title (updated through the day, cut differently) joins its original's story.
Otherwise the article joins the story whose articles it resembles most, by TF-IDF cosine
over distinctive words, the entities named and the days, figures and numbered occasions
reported, if the resemblance is strong enough and the publication days (where known) are
close; two stories it resembles strongly are merged, since the new article shows they
report the same thing. A lead naming other weekdays than every lead of a story tells of
another episode of the affair (the trial, not the arrest), and its resemblance counts less.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from datasketch import MinHashLSH

from recoupe.stories.features import MINHASH_PERMUTATIONS, ArticleFeatures, set_minhash

NEAR_COPY = 0.7
# Titles sharing this much of their words (Jaccard, stop words left out) head one dispatch,
# updated within a day; a title of fewer words ('Gilets jaunes', 'Revue de presse') heads
# many.
SAME_TITLE = 0.75
TITLE_WORDS = 4
DISPATCH_DAYS = 1
JOIN = 0.23
MERGE = 0.45
WINDOW_DAYS = 3
# Entities, days and figures say more about which event is reported than ordinary words,
# and the number of a recurring occasion ("le douzième samedi") names the event itself.
BOOSTS = {"entity": 2.0, "day": 2.0, "figure": 2.0, "occasion": 4.0}
# What the resemblance to a story counts for when the article's lead names only weekdays
# that none of the story's leads name: another episode of the affair, most often.
OTHER_LEAD_DAY = 0.5
# Candidate stories are found through the terms that weigh most in the article's vector:
# its rarest terms alone are often words of no weight that some other story happens to share.
PROBE_TERMS = 30
# A term in more articles than this (or this share of them) names the whole corpus's
# subject ('gilets jaunes', 'Paris'): its stories are too many to probe.
COMMON_TERM_ARTICLES = 50
COMMON_TERM_SHARE = 0.02
# Only the stories sharing the most of those terms are compared in full.
CANDIDATES = 10


@dataclass(frozen=True)
class Decision:
    story_id: str
    merged: list[str] = field(default_factory=list)  # stories folded into story_id


@dataclass
class StoryIndex:
    lsh: MinHashLSH = field(
        default_factory=lambda: MinHashLSH(threshold=NEAR_COPY, num_perm=MINHASH_PERMUTATIONS)
    )
    # Candidates for the same title, checked on their words.
    title_lsh: MinHashLSH = field(
        default_factory=lambda: MinHashLSH(threshold=SAME_TITLE / 2, num_perm=MINHASH_PERMUTATIONS)
    )
    articles: dict[str, ArticleFeatures] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)
    posting: dict[str, set[str]] = field(default_factory=dict)
    # Arrival order, as the database's `seq` keeps it: a replaced article arrives anew.
    order: dict[str, int] = field(default_factory=dict)
    arrivals: int = 0

    def decide(self, article: ArticleFeatures) -> Decision:
        copies = [a for a in self.lsh.query(article.minhash) if a in self.story_of]
        copies = copies if article.terms else []  # an empty text is no copy of another
        copies += self.same_title(article)
        if copies:
            return Decision(self.story_of[min(copies, key=self.seq)])
        vector = self.vector(article)
        scored = sorted(
            ((self.similarity(vector, article, s), s) for s in self.candidates(vector, article)),
            reverse=True,
        )
        if not scored or scored[0][0] < JOIN:
            return Decision(self.new_story_id(article.article_id))
        best = scored[0][1]
        merged = [s for score, s in scored[1:] if score >= MERGE]
        host = min([best, *merged], key=self.first_arrival)
        return Decision(host, [s for s in [best, *merged] if s != host])

    def add(self, article: ArticleFeatures, decision: Decision) -> None:
        for other in decision.merged:
            for member in self.members.pop(other):
                self.story_of[member] = decision.story_id
                self.members.setdefault(decision.story_id, []).append(member)
            for stories in self.posting.values():
                if other in stories:
                    stories.discard(other)
                    stories.add(decision.story_id)
        self.articles[article.article_id] = article
        self.arrivals += 1
        self.order[article.article_id] = self.arrivals
        self.story_of[article.article_id] = decision.story_id
        self.members.setdefault(decision.story_id, []).append(article.article_id)
        self.lsh.insert(article.article_id, article.minhash)
        if len(article.title) >= TITLE_WORDS:
            self.title_lsh.insert(article.article_id, set_minhash(article.title))
        self.df.update(article.terms.keys())
        for term in article.terms:
            self.posting.setdefault(term, set()).add(decision.story_id)

    def remove(self, article_id: str) -> str | None:
        """Forget an article (replaced by a new version); return the story it was in."""
        article = self.articles.pop(article_id, None)
        if article is None:
            return None
        del self.order[article_id]
        story = self.story_of.pop(article_id)
        self.members[story].remove(article_id)
        remaining = self.members[story]
        if not remaining:
            del self.members[story]
        for term in article.terms:
            # The story stays findable by a term only while another of its articles has it,
            # as an index rebuilt from the database would have it.
            if not any(term in self.articles[m].terms for m in remaining):
                self.posting[term].discard(story)
        self.lsh.remove(article_id)
        if article_id in self.title_lsh:
            self.title_lsh.remove(article_id)
        self.df.subtract(article.terms.keys())
        return story

    def same_title(self, article: ArticleFeatures) -> list[str]:
        if len(article.title) < TITLE_WORDS:
            return []
        found = [self.articles[a] for a in self.title_lsh.query(set_minhash(article.title))]
        return [
            other.article_id
            for other in found
            if jaccard(article.title, other.title) >= SAME_TITLE
            # A recurring title ('Le point sur la situation') heads another day's news.
            and within(article.day, other.day, DISPATCH_DAYS)
            and self.in_window(article.day, self.story_of[other.article_id])
        ]

    def in_window(self, day: str | None, story: str) -> bool:
        """Whether an article of this publication day may be of this story: the story's
        publication days, where known, are close to it."""
        days = [self.articles[m].day for m in self.members[story]]
        known = [d for d in days if d]
        return not known or any(within(day, d, WINDOW_DAYS) for d in known)

    def new_story_id(self, article_id: str) -> str:
        """'s-<article id>', unless a story of that name lives on without its founder."""
        story_id = f"s-{article_id}"
        return story_id if story_id not in self.members else f"{story_id}-{self.arrivals + 1}"

    def first_arrival(self, story: str) -> int:
        return min(self.seq(m) for m in self.members[story])

    def seq(self, article_id: str) -> int:
        return self.order.get(article_id, self.arrivals + 1)

    def candidates(self, vector: dict[str, float], article: ArticleFeatures) -> set[str]:
        common = max(COMMON_TERM_ARTICLES, COMMON_TERM_SHARE * len(self.articles))
        probes = [t for t in vector if 0 < self.df[t] <= common]
        heaviest = sorted(probes, key=lambda t: (-vector[t], t))[:PROBE_TERMS]
        hits: Counter[str] = Counter()
        for term in heaviest:
            hits.update(s for s in self.posting.get(term, ()) if s in self.members)
        ranked = sorted(hits.items(), key=lambda h: (-h[1], h[0]))
        # Stories out of the article's window take no place from one in it.
        within = (s for s, _ in ranked if self.in_window(article.day, s))
        return set(islice(within, CANDIDATES))

    def idf(self, term: str) -> float:
        return math.log((len(self.articles) + 1) / (self.df[term] + 1)) + 1

    def vector(self, article: ArticleFeatures) -> dict[str, float]:
        weights = {
            term: (1 + math.log(tf)) * self.idf(term) * BOOSTS.get(term.split(":")[0], 1.0)
            for term, tf in article.terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def similarity(self, vector: dict[str, float], article: ArticleFeatures, story: str) -> float:
        if not self.in_window(article.day, story):
            return 0.0
        members = [self.articles[a] for a in self.members[story]]
        centroid: Counter[str] = Counter()
        for member in members:
            centroid.update(self.vector(member))
        norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
        cosine = sum(w * centroid.get(term, 0.0) for term, w in vector.items()) / norm
        story_lead_days = frozenset().union(*(m.lead_weekdays for m in members))
        if (
            article.lead_weekdays
            and story_lead_days
            and not article.lead_weekdays & story_lead_days
        ):
            return cosine * OTHER_LEAD_DAY
        return cosine


def jaccard(words: frozenset[str], others: frozenset[str]) -> float:
    return len(words & others) / len(words | others)


def within(day: str | None, other: str | None, days: int) -> bool:
    """Whether two publication days, where both are known, are at most `days` apart."""
    if day is None or other is None:
        return True
    return abs((date.fromisoformat(day) - date.fromisoformat(other)).days) <= days
