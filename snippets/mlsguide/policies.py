"""Lint IAM policies with [parliament](https://github.com/duo-labs/parliament) before they are used.

Chapter 4.3 passes every policy it shows (identity policies, trust policies, bucket policies and
key policies) through [`checked`][mlsguide.policies.checked] before attaching it, so the build
fails if an example's policy has a finding. [`findings`][mlsguide.policies.findings] returns what
parliament reports, for the examples that show a bad policy being caught. Parliament works offline:
it checks actions, resources and condition keys against a copy of the IAM service reference that
ships with it.
"""

import json
import warnings

with warnings.catch_warnings():
    # parliament 1.6 writes some regular expressions with invalid escapes ("\\d"): harmless, but
    # Python warns about them when it compiles the module without cached bytecode.
    warnings.simplefilter("ignore", (DeprecationWarning, SyntaxWarning))
    from parliament import analyze_policy_string, enhance_finding

NOT_FINDINGS = {
    "key": {("RESOURCE_STAR", "")},
    "trust": {("MALFORMED", "Statement contains neither Resource nor NotResource")},
}
"""Findings that are no fault in a given kind of policy, as `(issue, start of detail)` pairs.

Parliament reads every document as an identity policy. In a KMS key policy, `"Resource": "*"`
means *this key* (a key policy is attached to one key and cannot name another), so "unnecessary
use of Resource *" does not apply. A role's trust policy names no resource at all: the role it is
attached to is the resource.
"""


def findings(policy: dict, *, kind: str = "identity") -> list[tuple[str, str, str]]:
    """Return parliament's findings for `policy` as `(issue, severity, detail)` tuples.

    `kind` is `"identity"`, `"bucket"`, `"trust"` or `"key"`; the last two drop the findings in
    `NOT_FINDINGS`. The detail is shortened to what a reader needs: the unknown action, the
    resource format an action requires, or how many actions a `*` resource grants.
    """
    if kind not in ("identity", "bucket", "trust", "key"):
        raise ValueError(f"unknown policy kind {kind!r}: use identity, bucket, trust or key")
    ignored = NOT_FINDINGS.get(kind, set())
    result = []
    for finding in analyze_policy_string(json.dumps(policy)).findings:
        detail = _summary(finding.detail)
        if any(finding.issue == issue and detail.startswith(start) for issue, start in ignored):
            continue
        result.append((finding.issue, enhance_finding(finding).severity or "-", detail))
    return result


def _summary(detail) -> str:
    """One line for a finding's detail, which parliament gives as a string or a list."""
    if isinstance(detail, list) and detail and all(isinstance(item, dict) for item in detail):
        return "; ".join(f"{item['action']} needs a resource like {item['required_format']}"
                         for item in detail)
    if isinstance(detail, list):
        return f"{len(detail)} actions, e.g. {', '.join(sorted(detail)[:3])}"
    return str(detail)


def checked(policy: dict, *, name: str, kind: str = "identity") -> str:
    """Return `policy` as a JSON string if parliament finds nothing wrong with it.

    Raises `ValueError` naming the policy (`name`) and every finding otherwise, so that a policy
    shown in the guide cannot drift into one that a linter rejects.
    """
    problems = findings(policy, kind=kind)
    if problems:
        listed = "; ".join(f"{issue} ({detail})" for issue, _, detail in problems)
        raise ValueError(f"policy {name!r} fails the IAM policy lint: {listed}")
    return json.dumps(policy)
