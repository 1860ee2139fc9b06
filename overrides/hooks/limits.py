"""MkDocs hook: warn when a limit of docs/data/limits.yml was last verified more than twelve months
ago (`guidebuild.limits.stale`). A strict build stops on the warning, so a stale number is
checked again before the guide is published."""

import logging
from datetime import date

from guidebuild import guide, limits

log = logging.getLogger("mkdocs.hooks.limits")


def on_config(config, **kwargs):
    for message in limits.stale(guide.for_build(config).data.limits, date.today()):
        log.warning(message)
    return config
