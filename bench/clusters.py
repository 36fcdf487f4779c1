"""Clustering benchmark: pairwise precision and recall of event clusters on the project's own stories.

The stories (tests/data/clusters/stories.yaml) are multi-source reports of the same events,
written for dyadline, with the real-world event of each reported event. Each article is coded,
stored, clustered; extracted events are matched to the listed ones by type and dyad (others are
left out: they measure extraction, not clustering). ``heldout.yaml`` was written after the
thresholds were set. Run ``python bench/clusters.py [FILE.yaml ...]`` (default: both files).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from dyadline.pipeline import Pipeline
from dyadline.records import Article
from dyadline.store import Store
from dyadline.store.clusters import JOINT, PairScores, pairwise_scores, refresh_clusters

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "clusters"
STORIES = DATA / "stories.yaml"
HELDOUT = DATA / "heldout.yaml"  # written after the thresholds were set


def load_stories(path: Path = STORIES) -> list[dict]:
    """The annotated articles of the story file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]


def _fits(row: dict, want: dict) -> bool:
    src, tgt = set((row["source_country"] or "").split(";")), set((row["target_country"] or "").split(";"))
    straight = want["source"] in src and want["target"] in tgt
    swapped = want["type"] in JOINT and want["source"] in tgt and want["target"] in src
    return row["type"] == want["type"] and (straight or swapped)


def evaluate(pipe: Pipeline, stories: list[dict]) -> tuple[PairScores, Store, dict[str, str]]:
    """Code, store and cluster the stories; score the clusters against the annotations."""
    store = Store(":memory:")
    articles = [Article(id=a["id"], text=a["text"], published=str(a["published"]), title=a.get("title"),
                        url=a.get("url")) for a in stories]
    store.add_many(pipe.pipe(articles))
    refresh_clusters(store)
    wanted = {a["id"]: a.get("events") or [] for a in stories}
    doc_article = dict(store.db.execute("SELECT id, article_id FROM documents").fetchall())
    gold: dict[str, str] = {}
    for row in store.events():
        match = [w for w in wanted[doc_article[row["document_id"]]] if _fits(row, w)]
        if match:
            gold[row["id"]] = match[0]["event"]
    predicted = dict(store.db.execute("SELECT event_id, cluster_id FROM event_cluster_members").fetchall())
    return pairwise_scores(predicted, gold), store, gold


def main() -> None:
    import sys

    pipe = Pipeline()
    for path in [Path(p) for p in sys.argv[1:]] or [STORIES, HELDOUT]:
        stories = load_stories(path)
        scores, store, gold = evaluate(pipe, stories)
        events = store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        n_clusters = store.db.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
        print(f"{path.name}: {len(stories)} articles, {len(set(gold.values()))} real events; "
              f"{events} events extracted, {len(gold)} matched to an annotated event; {n_clusters} clusters")
        print(f"  pairwise precision {scores.precision:.2f}  recall {scores.recall:.2f}  F1 {scores.f1:.2f}  "
              f"({scores.predicted_pairs} predicted pairs, {scores.gold_pairs} gold pairs)")
        for row in store.db.query("SELECT type, source_country, target_country, date_start, location, mentions, "
                                  "articles, sources FROM event_clusters WHERE mentions > 1 ORDER BY mentions DESC"):
            print("    " + "  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
