"""MkDocs hook: tell the PDF's cover which edition it is (commit and date, `guidebuild.edition`)
and where the exam stands (docs/data/exam-status.yml, the same data the home page shows)."""

from guidebuild.edition import edition
from guidebuild.guide import for_build
from guidebuild.render import long_date


def on_config(config, **kwargs):
    config.extra["edition_commit"], config.extra["edition_date"] = edition()
    status = for_build(config).data.exam_status
    config.extra["exam_status"] = status["exams"]
    config.extra["exam_status_checked"] = long_date(status["checked"])
    return config
