"""The guide's build library: one importable package for the MkDocs hooks, the tests and the scripts.

Everything that more than one of them needs lives here, once: paths and URLs, the data schemas and
their validator, the renderers, the question-bank format, example set-up, the browser's path and
flags, and the build environment. The hooks in `overrides/hooks/` are thin adapters over it.

It is importable because `make install` puts `overrides/` on the virtual environment's path (a
`.pth` file), as it does for `snippets/`; pytest adds it through `pythonpath` in pyproject.toml.
"""
