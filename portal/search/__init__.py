"""Search that works for Chinese.

Chinese has no spaces, so Wagtail's database search would index 小区电梯维修通知 as one
word and find nothing for 电梯. ``analysis`` folds Traditional into Simplified script and
turns text into dictionary words (jieba, loaded by ``segment``) beside CJK bigrams (as
Lucene's CJKAnalyzer makes them); a query asks for all of its words; ``backend`` plugs
that analysis into Wagtail's own SQLite (FTS5) and PostgreSQL backends, for indexed
text and queries alike (``indexing`` and ``queries`` hold what the two share).
``registry`` lists what the site search covers, ``results`` ranks hits across those
kinds and ``highlight`` marks the matches.
"""
