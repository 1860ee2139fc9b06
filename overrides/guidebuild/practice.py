"""The five fixed practice exams, assembled at build time from the practice-exam pool.

A fixed exam has the real exam's 65 questions in the blueprint's proportions (13, 16, 23 and 13 by
largest remainder, as exam.js draws), and no question is in two of them. The build makes as many
full exams as the pool fills, up to five. How the questions are shared out, domain by domain:

1. Each task statement's questions are put in a stable order that spreads its multiple-response
   questions evenly among its single ones (each kind in the order of a hash of the ids, then the
   two merged by their spread key, below). Then the domain's task statements are merged the same
   way: the i-th of a group of m gets the key (i + phase) / m, with a phase in [0, 1) from the
   hash of the group's name (so that groups of one size do not line up), and the domain is
   sorted by that key. So its task statements, and within each its two kinds, are interleaved in
   proportion to their size.
   2. The first `exams x target` questions in that order are used (a larger pool leaves out the
   last, taken evenly from every group), cut into consecutive blocks of `target`: block 1 goes to
   exam 1, and so on. A block of the interleaved order covers the task statements and has about
   the pool's share of multiple response.
3. Within an exam the questions are ordered by the hash of their ids, so the domains mix.

The same pool always gives the same exams. A new question shifts the keys of its own group only,
so few questions cross from one block into the next (tests/test_library.py measures it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

EXAMS = 5
EXAM_SIZE = 65


def stable_hash(question_id: str) -> str:
    return hashlib.sha256(question_id.encode("utf-8")).hexdigest()


def targets(domains: list[dict], size: int = EXAM_SIZE) -> dict[str, int]:
    """Domain id -> questions per exam: size x weight by largest remainder (ties: domain order),
    so the targets add up to `size`; the same rounding as exam.js."""
    raw = [size * d["weight"] / 100 for d in domains]
    base = [int(r) for r in raw]
    order = sorted(range(len(domains)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[: size - sum(base)]:
        base[i] += 1
    return {d["id"]: n for d, n in zip(domains, base, strict=True)}


def spread(groups: dict[str, list[dict]]) -> list[dict]:
    """The groups' questions merged so that each group is spread evenly through the order: the
    i-th of m gets the key (i + phase) / m (see the module's docstring)."""
    keyed = []
    for name, group in groups.items():
        phase = int(stable_hash(name)[:8], 16) / 16**8
        keyed += [((i + phase) / len(group), stable_hash(q["id"]), q) for i, q in enumerate(group)]
    return [q for _, _, q in sorted(keyed, key=lambda k: k[:2])]


def interleaved(questions: Iterable[dict]) -> list[dict]:
    """A domain's questions in the order of step 1: task statements, and kinds within each, spread."""
    by_task: dict[str, dict[str, list[dict]]] = {}
    for q in sorted(questions, key=lambda q: stable_hash(q["id"])):
        by_task.setdefault(q["task"], {}).setdefault(f"{q['task']} {q['kind']}", []).append(q)
    return spread({task: spread(kinds) for task, kinds in by_task.items()})


def fixed_exams(domains: list[dict], questions: list[dict], exams: int = EXAMS) -> list[list[str]]:
    """The fixed exams as lists of question ids, as many full ones as the pool fills, up to `exams`.

    `domains`: [{"id", "weight"}]; `questions`: [{"id", "task", "domain", "kind"}]."""
    wanted = targets(domains)
    by_domain = {d: interleaved(q for q in questions if q["domain"] == d) for d in wanted}
    count = min([exams] + [len(by_domain[d]) // n for d, n in wanted.items() if n])
    made: list[list[str]] = [[] for _ in range(count)]
    for d, n in wanted.items():
        for exam in range(count):
            made[exam] += [q["id"] for q in by_domain[d][exam * n:(exam + 1) * n]]
    return [sorted(ids, key=stable_hash) for ids in made]
