"""What an example prints, shown as output: labelled, styled apart from code, never empty.

markdown-exec puts an example's printed output in a fence of the language its `result` option
names. The guide writes `result="output"`, and `output` is a custom fence (pymdownx.superfences,
configured in mkdocs.yml) that `output_fence` renders:

    <div class="example-output no-copy" data-search-exclude>
      <div class="example-output__label">Output</div>
      <pre><code>...</code></pre>
    </div>

The label is text, so screen readers announce it too; `no-copy` keeps Material's copy button off
(it adds one to every `pre > code`, and copying output is never what a reader wants); and search
skips it, as it skips code. An example that prints nothing would leave an empty block under its
code: `empty_outputs` finds those, and the examples hook fails the build naming the fence's line.
"""

from __future__ import annotations

import re
from html import escape

FENCE = "output"  # the `result` value every executed example uses (checked by guidebuild.snippets)
LABEL = "Output"
BLOCK = re.compile(r'<div class="example-output no-copy" data-search-exclude>.*?<code>(.*?)</code>', re.S)


def output_fence(source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    """pymdownx.superfences formatter for the `output` fence."""
    return ('<div class="example-output no-copy" data-search-exclude>'
            f'<div class="example-output__label">{LABEL}</div>'
            f"<pre><code>{escape(source, quote=False)}</code></pre></div>")


def empty_outputs(html: str) -> tuple[int, list[int]]:
    """How many output blocks a page's HTML has, and the (0-based) positions of the empty ones."""
    blocks = [m[1] for m in BLOCK.finditer(html)]
    return len(blocks), [i for i, text in enumerate(blocks) if not text.strip()]
