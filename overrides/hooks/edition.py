"""MkDocs hook: tell the PDF's cover which edition it is (commit and date, `guidebuild.edition`)."""

from guidebuild.edition import edition


def on_config(config, **kwargs):
    config.extra["edition_commit"], config.extra["edition_date"] = edition()
    return config
