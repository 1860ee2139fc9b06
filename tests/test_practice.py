"""The practice modes of issue 16, driven in headless Chromium: the fixed practice exams, practice
by domain or task statement, the review of missed questions (its Leitner rule over several days),
the progress page with export and import, and the progress store's handling of a corrupt record.

Expected counts and scores are computed here from the question bank the build wrote
(guidebuild.bank), independently of the pages' JavaScript. "Today" is set with Playwright's clock
(`set_fixed_time`): the store reads the day from Date only.
"""

import json
from datetime import datetime, timedelta

import pytest

from tests.browser import axe_violations
from tests.guide import built_site

pytestmark = pytest.mark.browser

EXAM, PRACTICE, PROGRESS = "practice-exam.html", "practice.html", "progress.html"
CHAPTER = "1-data-engineering/1-2-data-ingestion.html"
KEY = "mlsguide-progress-v1"
ASSUMED_PASS = 0.72
DAY_1 = datetime(2026, 3, 2, 10, 0)


def _scaled(right, total):
    p = right / total
    return round(100 + 650 * p / ASSUMED_PASS if p <= ASSUMED_PASS
                 else 750 + 250 * (p - ASSUMED_PASS) / (1 - ASSUMED_PASS))


def _fresh(page, url):
    page.goto(url)
    page.evaluate("localStorage.clear()")
    page.reload()


def _choose(page, q, right):
    keys = list(q["options"])
    chosen = q["answer"] if right else [k for k in keys if k not in q["answer"]][: len(q["answer"])]
    for key in chosen:
        page.check(f'.quiz-option[data-key="{key}"] input')


def _store(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


def _all_questions(bank):
    return {q["id"]: q for q in bank["questions"] + bank["quiz"]}


# --------------------------------------------------------------------------------------------
# Fixed practice exams (assembled at build time: guidebuild.practice, unit-tested in test_library)


def _domain_targets(bank):
    raw = {d["id"]: 65 * d["weight"] / 100 for d in bank["domains"]}
    base = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: (base[k] - raw[k], k))[: 65 - sum(base.values())]:
        base[k] += 1
    return base


def test_the_fixed_exams_are_full_disjoint_and_in_the_exams_proportions(bank):
    by_id = {q["id"]: q for q in bank["questions"]}
    targets = _domain_targets(bank)
    held = {d: sum(q["domain"] == d for q in bank["questions"]) for d in targets}
    assert len(bank["exams"]) == min(5, *(held[d] // targets[d] for d in targets))
    for ids in bank["exams"]:
        assert {d: sum(by_id[i]["domain"] == d for i in ids) for d in targets} == targets
    used = [i for ids in bank["exams"] for i in ids]
    assert len(used) == len(set(used)), "a question is in two fixed exams"


def test_the_pool_fills_all_five_fixed_exams(bank):
    """Fails until the pool holds five exams' worth in every domain (issue 16: the bank)."""
    targets = _domain_targets(bank)
    held = {d: sum(q["domain"] == d for q in bank["questions"]) for d in targets}
    assert len(bank["exams"]) == 5, f"the pool holds {held} per domain; five exams need {targets} x 5"


def _take_fixed_exam(page, bank, n, pattern):
    """Answer fixed exam n, question i right when pattern(i); returns the ids in the order shown."""
    by_id = {q["id"]: q for q in bank["questions"]}
    page.click(f'.exam-fixed-start[data-exam="{n}"]')
    page.locator(".exam-clock-time").wait_for()
    shown = []
    for i in range(len(bank["exams"][n - 1])):
        qid = page.get_attribute("#exam-question-heading", "data-qid")
        shown.append(qid)
        if pattern(i) is not None:
            _choose(page, by_id[qid], pattern(i))
        if i < len(bank["exams"][n - 1]) - 1:
            page.click("#exam-next")
    page.click("#exam-submit")
    return shown


def test_a_fixed_exam_is_scored_and_its_best_and_latest_results_kept(page, site_url, bank):
    assert bank["exams"], "the pool does not fill one fixed exam"
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + EXAM)
    assert page.locator(".exam-fixed-start").count() == len(bank["exams"])
    shown = _take_fixed_exam(page, bank, 1, lambda i: i % 3 != 2)  # every third wrong
    assert shown == bank["exams"][0], "the fixed exam's questions, in the build's order"
    right = sum(i % 3 != 2 for i in range(65))
    assert page.inner_text("#exam-percent").startswith(f"{right} of 65 (")
    assert page.inner_text("#exam-scaled") == str(_scaled(right, 65))
    best = page.inner_text("#exam-fixed-best")
    assert best.startswith(f"Fixed exam 1. Your best result on it: {right} of 65")

    page.click(".exam-restart")
    result = page.inner_text('#exam-fixed li[data-exam="1"] .exam-fixed-result')
    assert result.startswith(f"Best {right} of 65")
    page.click('.exam-fixed-start[data-exam="1"]')
    page.locator(".exam-clock-time").wait_for()
    page.click("#exam-submit")  # nothing answered: 0 of 65
    assert page.inner_text("#exam-percent").startswith("0 of 65 (")

    page.goto(site_url + PROGRESS)
    row = page.locator('#progress-exams tr[data-exam="1"] td').all_inner_texts()
    assert row[0] == "2"
    assert row[1].startswith(f"{right} of 65") and row[1].endswith("on 2026-03-02")
    assert row[2].startswith("0 of 65")
    assert page.locator('#progress-exams tr[data-exam="2"] td').all_inner_texts()[0] == "0"
    # Every question of both attempts is in the store: the first attempt's answers, then 65 wrong.
    answers = _store(page)["answers"]
    assert len(answers) == 130 and all(a["source"] == "exam" for a in answers)
    assert sum(a["right"] for a in answers) == right


def test_a_link_opens_a_fixed_exam_ready_to_begin_and_resumes_it(page, site_url, bank):
    assert len(bank["exams"]) >= 3, "the pool does not fill three fixed exams"
    by_id = {q["id"]: q for q in bank["questions"]}
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + EXAM + "?exam=2")
    assert page.inner_text("#exam-linked-heading") == "Fixed practice exam 2"
    assert page.inner_text("#exam-linked .exam-fixed-result") == "Not taken yet."
    assert page.is_hidden("#exam-notice") and page.locator("#exam-fixed").count() == 0
    assert page.get_attribute("#exam-all", "href").endswith("/" + EXAM)
    page.click("#exam-start")
    page.locator(".exam-clock-time").wait_for()
    exam = bank["exams"][1]
    assert page.inner_text("#exam-question-heading") == f"Question 1 of {len(exam)}"
    assert page.get_attribute("#exam-question-heading", "data-qid") == exam[0]
    _choose(page, by_id[exam[0]], True)
    page.click("#exam-next")

    # A reload of the link resumes the attempt where it was, with the answer given.
    page.reload()
    page.locator(".exam-clock-time").wait_for()
    assert page.inner_text("#exam-question-heading") == f"Question 2 of {len(exam)}"
    assert page.inner_text(".exam-progress") == f"1 of {len(exam)} answered"

    # A link to another fixed exam resumes the attempt under way, and says so.
    page.goto(site_url + EXAM + "?exam=3")
    page.locator(".exam-clock-time").wait_for()
    assert page.get_attribute("#exam-question-heading", "data-qid") == exam[1]
    assert page.inner_text("#exam-notice") == (
        "This link opens fixed exam 3, but you have fixed exam 2 under way, so here it is. "
        "Submit it, or choose Start over, to take exam 3.")

    # Submitted, the link opens the start screen of exam 2 again, with its result.
    page.goto(site_url + EXAM + "?exam=2")
    page.locator(".exam-clock-time").wait_for()
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("#exam-submit")
    page.locator("#exam-percent").wait_for()
    page.reload()
    result = page.inner_text("#exam-linked .exam-fixed-result")
    total = len(exam)
    assert result.startswith(f"Best 1 of {total} ({_pct(1, total)}, {_scaled(1, total)}) on 2026-03-02")
    page.goto(site_url + EXAM)  # without the link, the last results, as before
    assert page.inner_text("#exam-percent").startswith(f"1 of {len(exam)} (")


@pytest.mark.parametrize("asked", ["0", "6", "two", "1.5", ""])
def test_a_link_to_a_fixed_exam_that_does_not_exist_says_so(page, site_url, bank, asked):
    made = len(bank["exams"])
    _fresh(page, site_url + EXAM + f"?exam={asked}")
    have = f"there are fixed exams 1 to {made}" if made > 1 else "there is fixed exam 1 only"
    assert page.inner_text("#exam-notice") == (
        f'This link asks for fixed exam "{asked}", which does not exist: {have}. Choose an exam below.')
    assert page.locator(".exam-fixed-start").count() == made, "the start screen with every fixed exam"
    assert page.locator("#exam-linked-heading").count() == 0


# --------------------------------------------------------------------------------------------
# Practice by domain or task statement


def _practice(page, topic):
    page.select_option("#practice-topic", topic)
    page.click("#practice-start")
    page.locator("#practice-question-heading").wait_for()


def _answer_in_round(page, questions, right):
    qid = page.get_attribute("#practice-question-heading", "data-qid")
    _choose(page, questions[qid], right)
    page.click("#practice-check")
    page.locator("#practice-next").wait_for()
    return qid


def _run_round(page, questions, pattern, count):
    shown = []
    for i in range(count):
        shown.append(_answer_in_round(page, questions, pattern(i)))
        page.click("#practice-next")
    return shown


def test_practice_by_task_statement_runs_every_question_and_records_it(page, site_url, bank):
    questions = _all_questions(bank)
    task = "1.2"
    expected = [q["id"] for q in bank["questions"] if q["task"] == task]
    _fresh(page, site_url + PRACTICE)
    option = page.locator(f'#practice-topic option[value="{task}"]').inner_text()
    assert option.endswith(f"({len(expected)} questions)")
    domain_count = sum(q["domain"] == "1" for q in bank["questions"])
    domain_option = page.locator('#practice-topic option[value="1"]').inner_text()
    assert domain_option.endswith(f"({domain_count} questions)")
    _practice(page, task)
    assert page.inner_text("#practice-question-heading") == f"Question 1 of {len(expected)}"

    first = _answer_in_round(page, questions, right=False)
    feedback = page.inner_text("#practice-feedback")
    assert feedback.startswith("Not quite. The answer is")
    assert page.locator("#practice-explanations li").count() == len(questions[first]["options"])
    page.click("#practice-next")
    shown = [first] + _run_round(page, questions, lambda i: i % 2 == 0, len(expected) - 1)
    assert shown == expected, "unanswered questions come in the bank's order"
    right = sum(i % 2 == 0 for i in range(len(expected) - 1))
    assert page.inner_text("#practice-score").startswith(f"{right} of {len(expected)} answered right")
    answers = _store(page)["answers"]
    assert [a["id"] for a in answers] == expected
    assert {a["source"] for a in answers} == {"practice"} and sum(a["right"] for a in answers) == right

    # A second round on the same task: the least recently answered come first, the first one again.
    page.click("#practice-restart")
    _practice(page, task)
    assert page.get_attribute("#practice-question-heading", "data-qid") == expected[0]


def test_practice_by_domain_works_from_file_urls(page, bank):
    """The offline copy: pages opened from disk, the bank's parts loaded as scripts."""
    questions = _all_questions(bank)
    domain = bank["domains"][1]["id"]
    expected = [q["id"] for q in bank["questions"] if q["domain"] == domain]
    _fresh(page, (built_site() / PRACTICE).as_uri())
    _practice(page, domain)
    assert page.inner_text("#practice-question-heading") == f"Question 1 of {len(expected)}"
    shown = _run_round(page, questions, lambda i: i != 1, 3)
    assert shown == expected[:3]
    page.click("#practice-end")
    assert page.inner_text("#practice-score").startswith("2 of 3 answered right")
    left = page.inner_text("#practice-review-left")
    assert left.startswith("The review now holds 1 question(s): 1 due today")


ROUND_KEY = "mlsguide-practice-round-v1"


def _heading(page):
    heading = "#practice-question-heading"
    return page.inner_text(heading), page.get_attribute(heading, "data-qid")


def test_a_practice_round_survives_a_reload_until_it_ends(page, site_url, bank):
    questions = _all_questions(bank)
    task = "1.2"
    expected = [q["id"] for q in bank["questions"] if q["task"] == task]
    n = len(expected)
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + PRACTICE)
    _practice(page, task)
    page.click("#practice-flag")
    _answer_in_round(page, questions, right=False)  # 1: wrong, flagged
    page.click("#practice-next")
    page.click("#practice-flag")  # 2: flagged, not checked yet

    page.reload()
    page.locator("#practice-question-heading").wait_for()
    assert _heading(page) == (f"Question 2 of {n}", expected[1])
    assert page.get_attribute("#practice-flag", "aria-pressed") == "true"
    name = f"task statement {task} {bank['tasks'][task]}"
    assert page.inner_text("#practice-title") == f"Practice: {name} · 0 of 1 right so far"

    chosen = _answer_in_round(page, questions, right=True)  # 2: right, with the flag kept
    page.reload()
    page.locator("#practice-question-heading").wait_for()
    assert _heading(page) == (f"Question 2 of {n}", chosen), "a checked question comes back checked"
    assert page.inner_text("#practice-feedback").startswith("Correct.")
    for key in questions[chosen]["options"]:
        box = page.locator(f'.quiz-option[data-key="{key}"] input')
        assert box.is_checked() == (key in questions[chosen]["answer"]) and box.is_disabled()
    assert page.locator("#practice-explanations li").count() == len(questions[chosen]["options"])
    assert page.is_visible("#practice-next") and page.is_hidden("#practice-check")
    answers = _store(page)["answers"]
    assert [(a["id"], a["right"], a["flagged"]) for a in answers] == [
        (expected[0], False, True), (expected[1], True, True)], "a reload records nothing twice"

    # The order is the round's, not a new one (which would put the answered questions last).
    page.click("#practice-next")
    assert _heading(page) == (f"Question 3 of {n}", expected[2])
    page.reload()
    page.locator("#practice-question-heading").wait_for()
    assert _heading(page) == (f"Question 3 of {n}", expected[2])
    page.click("#practice-end")
    assert page.inner_text("#practice-score").startswith("1 of 2 answered right")
    assert page.evaluate(f"localStorage.getItem('{ROUND_KEY}')") is None, "the round ended"
    page.reload()
    assert page.is_visible("#practice-start") and page.locator("#practice-question-heading").count() == 0

    # A review round keeps its questions too, though the first, answered right, is no longer due.
    page.click("#review-start")
    page.locator("#practice-question-heading").wait_for()
    assert page.inner_text("#practice-question-heading") == "Question 1 of 2"
    first = _answer_in_round(page, questions, right=True)
    page.click("#practice-next")
    second = page.get_attribute("#practice-question-heading", "data-qid")
    assert sorted([first, second]) == sorted(expected[:2])
    page.reload()
    page.locator("#practice-question-heading").wait_for()
    assert _heading(page) == ("Question 2 of 2", second)
    assert page.inner_text("#practice-title") == "Review of missed questions · 1 of 1 right so far"
    assert page.get_attribute("#practice-flag", "aria-pressed") == "false"


def test_a_saved_round_that_does_not_fit_the_bank_is_not_resumed(page, site_url):
    _fresh(page, site_url + PRACTICE)
    stale = {"mode": "topic", "topic": "1.2", "ids": ["no-such-id"], "current": 0, "answers": {},
             "flagged": False}
    page.evaluate("([k, text]) => localStorage.setItem(k, text)", [ROUND_KEY, json.dumps(stale)])
    page.reload()
    assert page.is_visible("#practice-start") and page.locator("#practice-question-heading").count() == 0


# --------------------------------------------------------------------------------------------
# Review of missed questions: the Leitner rule over days


def _quiz_answer(page, site_url, qid, right, questions, flag=False):
    page.goto(site_url + CHAPTER)
    question = page.locator(f'[id="{qid}"]')
    if question.get_by_role("button", name="Try again").is_visible():
        question.get_by_role("button", name="Try again").click()
    if flag:
        question.locator(".quiz-flag").click()
    q = questions[qid]
    chosen = q["answer"] if right else [k for k in q["options"] if k not in q["answer"]][: len(q["answer"])]
    for key in chosen:
        question.locator(f'.quiz-option[data-key="{key}"] input').check()
    question.get_by_role("button", name="Check answer").click()


def _review_all(page, site_url, questions, right=True):
    page.goto(site_url + PRACTICE)
    page.click("#review-start")
    page.locator("#practice-question-heading").wait_for()
    total = int(page.inner_text("#practice-question-heading").rsplit(" ", 1)[1])
    return _run_round(page, questions, lambda i: right, total)


def test_review_keeps_a_question_until_it_is_right_on_two_separate_days(page, site_url, bank):
    questions = _all_questions(bank)
    quiz = [q["id"] for q in bank["quiz"] if q["task"] == "1.2" and q["kind"] == "single"]
    q_id, p_id, r_id = quiz[:3]
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + PRACTICE)
    assert page.inner_text("#review-count").startswith("No question is due for review today.")
    assert page.is_disabled("#review-start")

    # Day 1: two quiz questions wrong, one right; the review holds the two wrong ones.
    _quiz_answer(page, site_url, q_id, False, questions)
    _quiz_answer(page, site_url, p_id, False, questions)
    _quiz_answer(page, site_url, r_id, True, questions)
    page.goto(site_url + PRACTICE)
    assert page.inner_text("#review-count").startswith("2 questions are due for review today.")
    assert sorted(_review_all(page, site_url, questions)) == sorted([q_id, p_id])
    assert page.inner_text("#practice-review-left").startswith(
        "The review now holds 2 question(s): 0 due today, 2 due on a later day.")
    _quiz_answer(page, site_url, q_id, True, questions)  # right again the same day: counts once
    page.goto(site_url + PRACTICE)
    assert page.inner_text("#review-count").startswith(
        "No question is due for review today; 2 questions more wait for another day.")

    # Day 2: P wrong again goes back to the start; Q, right on a second day, leaves the review.
    page.clock.set_fixed_time(DAY_1 + timedelta(days=1))
    _quiz_answer(page, site_url, p_id, False, questions)
    assert sorted(_review_all(page, site_url, questions)) == sorted([q_id, p_id])
    assert page.inner_text("#practice-review-left").startswith(
        "The review now holds 1 question(s): 0 due today, 1 due on a later day.")

    # Day 3: P's second right day since it was missed; the review is empty.
    page.clock.set_fixed_time(DAY_1 + timedelta(days=2))
    assert _review_all(page, site_url, questions) == [p_id]
    assert page.inner_text("#practice-review-left").startswith("The review now holds 0 question(s)")


def test_a_flagged_exam_question_and_a_missed_one_come_to_review(page, site_url, bank):
    questions = _all_questions(bank)
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + EXAM)
    page.fill("#exam-seed", "8")
    page.click("#exam-start")
    page.locator(".exam-clock-time").wait_for()
    total = int(page.inner_text("#exam-question-heading").rsplit(" ", 1)[1])
    first = page.get_attribute("#exam-question-heading", "data-qid")
    _choose(page, questions[first], True)
    page.click("#exam-flag")  # right but flagged: to the review
    page.click("#exam-next")
    second = page.get_attribute("#exam-question-heading", "data-qid")
    _choose(page, questions[second], True)  # right, not flagged: not in the review
    page.click("#exam-submit")
    page.goto(site_url + PRACTICE)
    due = total - 1  # the flagged one and every unanswered (wrong) one
    assert page.inner_text("#review-count").startswith(f"{due} questions are due for review today.")
    page.click("#review-start")
    page.locator("#practice-question-heading").wait_for()
    assert page.inner_text("#practice-question-heading") == f"Question 1 of {due}"
    assert page.get_attribute("#practice-question-heading", "data-qid") == first, "oldest miss first"


def _chapter_quiz(bank):
    return [q for q in bank["quiz"] if q["task"] == "1.2"]


def test_a_flagged_quiz_question_comes_to_review(page, site_url, bank):
    """A right answer checked with the flag on enters the review, as a flagged exam question
    does; a flag taken off again before the check, and a right answer without one, do not."""
    questions = _all_questions(bank)
    flagged_id, unflagged_id, plain_id = [q["id"] for q in _chapter_quiz(bank)][:3]
    page.clock.set_fixed_time(DAY_1)
    _fresh(page, site_url + CHAPTER)
    for qid, presses in ((flagged_id, 1), (unflagged_id, 2), (plain_id, 0)):
        question = page.locator(f'[id="{qid}"]')
        flag = question.get_by_role("button", name="Flag for review")
        assert flag.get_attribute("aria-pressed") == "false"
        for n in range(presses):
            question.locator(".quiz-flag").click()
            pressed = question.locator(".quiz-flag").get_attribute("aria-pressed")
            assert pressed == ("true" if n == 0 else "false")
        for key in questions[qid]["answer"]:
            question.locator(f'.quiz-option[data-key="{key}"] input').check()
        question.get_by_role("button", name="Check answer").click()
        feedback = question.locator(".quiz-feedback").inner_text()
        assert feedback.startswith("Correct.")
        assert feedback.endswith("it comes back in the review of missed questions.") == (presses == 1)
        assert question.locator(".quiz-flag").is_disabled(), "the flag went with the checked answer"
    answers = {a["id"]: a for a in _store(page)["answers"]}
    assert {qid: (a["right"], a["flagged"], a["source"]) for qid, a in answers.items()} == {
        flagged_id: (True, True, "quiz"), unflagged_id: (True, False, "quiz"),
        plain_id: (True, False, "quiz")}

    # "Try again" starts a new answer with the flag off.
    question = page.locator(f'[id="{flagged_id}"]')
    question.get_by_role("button", name="Try again").click()
    assert question.locator(".quiz-flag").get_attribute("aria-pressed") == "false"
    assert question.locator(".quiz-flag").is_enabled()

    page.goto(site_url + PRACTICE)
    assert page.inner_text("#review-count").startswith("1 question is due for review today.")
    page.click("#review-start")
    page.locator("#practice-question-heading").wait_for()
    assert page.inner_text("#practice-question-heading") == "Question 1 of 1"
    assert page.get_attribute("#practice-question-heading", "data-qid") == flagged_id


def test_a_quiz_flag_works_from_the_keyboard_and_stays_off_paper(page, site_url, bank):
    qid = _chapter_quiz(bank)[0]["id"]
    _fresh(page, site_url + CHAPTER)
    flag = page.locator(f'[id="{qid}"] .quiz-flag')
    assert flag.evaluate("b => b.tagName + ' ' + b.type") == "BUTTON button"
    flag.focus()
    page.keyboard.press("Space")
    assert flag.get_attribute("aria-pressed") == "true" and flag.inner_text() == "Unflag"
    page.keyboard.press("Enter")
    assert flag.get_attribute("aria-pressed") == "false" and flag.inner_text() == "Flag for review"
    page.keyboard.press("Enter")
    page.emulate_media(media="print")
    assert not flag.is_visible(), "printed, the quiz's buttons are left out"
    assert not page.locator(f'[id="{qid}"] .quiz-check').is_visible()
    page.emulate_media(media="screen")
    assert flag.is_visible()
    page.goto(site_url + "print_page.html")  # the PDF's source keeps the static questions only
    assert page.locator(".quiz-question").count() > 0 and page.locator(".quiz-flag").count() == 0


# --------------------------------------------------------------------------------------------
# The progress page, export and import, a corrupt store


def _table(page, selector):
    rows = page.locator(f"{selector} tbody tr")
    return {rows.nth(n).get_attribute("data-task") or rows.nth(n).get_attribute("data-domain"):
            rows.nth(n).locator("td").all_inner_texts() for n in range(rows.count())}


def _pct(right, total):
    return f"{round(100 * right / total)}%"


def test_the_progress_page_adds_up_the_answers_and_names_the_weakest(page, site_url, bank):
    questions = _all_questions(bank)
    _fresh(page, site_url + PRACTICE)
    plan = {"1.2": (6, lambda i: i < 5), "2.1": (4, lambda i: i < 1), "3.3": (5, lambda i: i < 3)}
    for task, (count, pattern) in plan.items():
        _practice(page, task)
        _run_round(page, questions, pattern, count)
        page.click("#practice-end")
        page.click("#practice-restart")
    page.goto(site_url + PROGRESS)
    tasks = _table(page, "#progress-by-task")
    for task, (count, pattern) in plan.items():
        right = sum(pattern(i) for i in range(count))
        assert tasks[task] == [str(count), str(count), _pct(right, count)], task
    assert tasks["4.4"] == ["0", "0", "–"]
    domains = _table(page, "#progress-by-domain")
    assert domains["1"] == ["6", "6", _pct(5, 6)] and domains["4"] == ["0", "0", "–"]
    weakest = page.locator("#progress-weakest li")
    order = [weakest.nth(n).get_attribute("data-task") for n in range(weakest.count())]
    assert order == ["2.1", "3.3", "1.2"]  # 25%, 60%, 83% right
    link = weakest.first.locator("a")
    assert link.get_attribute("href").endswith(bank["chapters"]["2.1"])
    summary = page.inner_text("#progress-summary")
    assert summary.startswith(f"15 answers to 15 questions, {_pct(9, 15)} right.")


def _wait_for_status(page, text):
    page.wait_for_function("t => document.querySelector('#progress-import-status').textContent.includes(t)",
                           arg=text)


def test_export_then_import_into_a_fresh_browser_restores_the_progress(browser, site_url, bank, tmp_path):
    questions = _all_questions(bank)
    first = browser.new_context()
    page = first.new_page()
    _fresh(page, site_url + PRACTICE)
    _practice(page, "3.1")
    _run_round(page, questions, lambda i: i % 2 == 0, 3)
    page.goto(site_url + PROGRESS)
    before = (_table(page, "#progress-by-task"), page.inner_text("#progress-review"))
    with page.expect_download() as download:
        page.click("#progress-export")
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "mls-c01-guide-progress.json"
    assert json.loads(saved.read_text())["version"] == 1
    first.close()

    second = browser.new_context()
    page = second.new_page()
    page.goto(site_url + PROGRESS)
    assert page.inner_text("#progress-summary").startswith("No answers yet")
    page.set_input_files("#progress-import", saved)
    _wait_for_status(page, "Imported")
    status = page.inner_text("#progress-import-status")
    assert status == "progress.json: Imported 3 answers and 0 exam results."
    assert (_table(page, "#progress-by-task"), page.inner_text("#progress-review")) == before
    page.set_input_files("#progress-import", saved)  # the same file again: nothing counted twice
    _wait_for_status(page, "already")
    assert page.inner_text("#progress-import-status").endswith(
        "Imported 0 answers and 0 exam results; 3 answers were already here.")
    assert _table(page, "#progress-by-task") == before[0]

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "answers": [{"id": "x"}], "exams": {}}))
    page.set_input_files("#progress-import", bad)
    _wait_for_status(page, "bad.json")
    assert page.inner_text("#progress-import-status") == (
        "bad.json: That file is not a progress file this guide can read: answer 1: 'task' must be a text. "
        "Nothing was changed.")
    assert _table(page, "#progress-by-task") == before[0]
    second.close()


@pytest.mark.parametrize(("saved", "reason"), [
    ("{not json", "it is not valid JSON"),
    ('{"version": 0, "answers": []}', "it has version 0, this guide reads version 1"),
])
def test_a_corrupt_store_is_set_aside_with_a_message(page, site_url, bank, saved, reason):
    page.goto(site_url + PROGRESS)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, saved])
    page.reload()
    problem = page.inner_text("#progress-problem")
    assert problem.startswith(f"Your saved progress could not be read ({reason}).")
    assert page.evaluate(f"localStorage.getItem('{KEY}-unreadable')") == saved
    page.goto(site_url + PRACTICE)  # the new record works
    _practice(page, "1.1")
    _answer_in_round(page, _all_questions(bank), right=True)
    assert len(_store(page)["answers"]) == 1


# --------------------------------------------------------------------------------------------
# Keyboard, phone width, and axe in both palettes on each mode's page


def test_a_practice_round_works_from_the_keyboard(page, site_url, bank):
    questions = _all_questions(bank)
    _fresh(page, site_url + PRACTICE)
    page.focus("#practice-topic")
    page.keyboard.press("ArrowDown")  # the next entry: task statement 1.1
    assert page.input_value("#practice-topic") == "1.1"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("#practice-question-heading").wait_for()
    q = questions[page.get_attribute("#practice-question-heading", "data-qid")]
    assert page.evaluate("document.activeElement.id") == "practice-question-heading"
    page.keyboard.press("Tab")  # from the heading into the options: the first one
    assert page.evaluate("document.activeElement.value") == "a"
    for key in q["answer"]:
        page.focus(f'.quiz-option[data-key="{key}"] input')
        page.keyboard.press("Space")
    page.focus("#practice-check")
    page.keyboard.press("Enter")
    assert page.inner_text("#practice-feedback").startswith("Correct.")
    assert page.evaluate("document.activeElement.id") == "practice-next"


@pytest.mark.parametrize("path", [PRACTICE, PROGRESS, EXAM, EXAM + "?exam=1", EXAM + "?exam=9", CHAPTER])
def test_each_mode_fits_a_phone(page, site_url, bank, path):
    page.set_viewport_size({"width": 390, "height": 844})
    _fresh(page, site_url + path)
    if path == PRACTICE:
        _practice(page, "3.5")
        _answer_in_round(page, _all_questions(bank), right=False)
    if path == CHAPTER:  # a quiz question flagged and checked wrong: every button and verdict shown
        _quiz_answer(page, site_url, _chapter_quiz(bank)[0]["id"], False, _all_questions(bank), flag=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width} px wide at 390 px"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_modes_page_meets_wcag_21_aa(page, site_url, bank, scheme):
    questions = _all_questions(bank)
    page.emulate_media(color_scheme=scheme)
    found = []
    _fresh(page, site_url + PRACTICE)
    found += [f"{PRACTICE} (start): {v}" for v in axe_violations(page)]
    _practice(page, "2.2")
    found += [f"{PRACTICE} (question): {v}" for v in axe_violations(page)]
    _answer_in_round(page, questions, right=False)
    found += [f"{PRACTICE} (explained): {v}" for v in axe_violations(page)]
    page.click("#practice-end")
    found += [f"{PRACTICE} (summary): {v}" for v in axe_violations(page)]
    page.click("#practice-restart")
    page.click("#review-start")
    page.locator("#practice-question-heading").wait_for()
    found += [f"{PRACTICE} (review): {v}" for v in axe_violations(page)]
    page.goto(site_url + PROGRESS)
    found += [f"{PROGRESS}: {v}" for v in axe_violations(page)]
    qid = _chapter_quiz(bank)[0]["id"]
    page.goto(site_url + CHAPTER)
    page.locator(f'[id="{qid}"] .quiz-flag').click()
    page.mouse.move(0, 0)  # the pressed colour, not the hovered one
    found += [f"{CHAPTER} (quiz question flagged): {v}" for v in axe_violations(page)]
    _quiz_answer(page, site_url, qid, False, questions, flag=True)
    found += [f"{CHAPTER} (flagged and checked): {v}" for v in axe_violations(page)]
    page.goto(site_url + EXAM)
    found += [f"{EXAM} (start with fixed exams): {v}" for v in axe_violations(page)]
    page.goto(site_url + EXAM + "?exam=1")
    found += [f"{EXAM}?exam=1 (ready to begin): {v}" for v in axe_violations(page)]
    page.goto(site_url + EXAM + "?exam=9")
    found += [f"{EXAM}?exam=9 (no such exam): {v}" for v in axe_violations(page)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("path", "needs"), [
    (PRACTICE, "Practice and review need JavaScript."),
    (PROGRESS, "The progress page needs JavaScript"),
])
def test_without_javascript_each_page_says_what_it_needs(browser, site_url, path, needs):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + path)
    assert needs in page.inner_text("article")
    context.close()


# Text a script leaves when it renders a value it did not have ("null" from replaceChildren(null)).
STRAY_VALUES = """root => {
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  const stray = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (["null", "undefined", "NaN", "[object Object]"].includes(text)) stray.push(text);
  }
  return stray;
}"""


@pytest.mark.parametrize(("path", "root"), [
    (PRACTICE, "#practice-app"), (PROGRESS, "#progress-app"), (EXAM, "#exam-app"),
])
def test_a_fresh_page_prints_no_stray_value(page, site_url, path, root):
    _fresh(page, site_url + path)
    page.locator(f"{root} h2").first.wait_for()
    assert page.evaluate(STRAY_VALUES, root) == [], f"{path}: the app printed a value it did not have"
