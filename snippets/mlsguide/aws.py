"""Run the same boto3 code against a local emulator or against your own AWS account.

By default every example runs against [moto](https://docs.getmoto.org/), an in-process emulator
of the AWS APIs: no account, no credentials and no network are needed, and nothing costs money.
botocore still checks every request against the real service model before moto sees it, so a
request that works here is well-formed for AWS.

To run an example against your own account instead, export `MLSGUIDE_LIVE_AWS=1` and your usual
AWS credentials and Region. The examples create small resources with names starting `mlsguide-`;
streams and delivery streams are billed while they exist, so delete them afterwards (each chapter
shows the clean-up calls).
"""

import os

REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
"""The Region examples use: `AWS_DEFAULT_REGION` when set, otherwise `us-east-1`."""

_mock = None


def live() -> bool:
    """Return True when the reader has opted in to a real AWS account (`MLSGUIDE_LIVE_AWS=1`)."""
    return os.environ.get("MLSGUIDE_LIVE_AWS") == "1"


def activate(reset: bool = True) -> str:
    """Point boto3 at the emulator, unless the reader opted in to a real account.

    Starts moto's `mock_aws` with fake credentials and `REGION` as the default Region. With
    `reset=True` (the default) the emulator forgets every resource created before, so each
    example starts from an empty account. Returns `"moto"` or `"aws"`, the backend in use.
    """
    global _mock
    if live():
        os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
        return "aws"
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        os.environ.pop(name, None)
    os.environ["AWS_ACCESS_KEY_ID"] = "testing"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"  # pragma: allowlist secret (emulator only)
    os.environ["AWS_DEFAULT_REGION"] = REGION
    from moto import mock_aws

    if _mock is None:
        _mock = mock_aws()
        _mock.start(reset=True)
    elif reset:
        _mock.stop()
        _mock.start(reset=True)
    return "moto"


def deactivate() -> None:
    """Stop the emulator started by [`activate`][mlsguide.aws.activate], if any."""
    global _mock
    if _mock is not None:
        _mock.stop()
        _mock = None


def send(operation, **params):
    """Send one request and return its response, or None where the emulator lacks the API.

    `operation` is a boto3 client method, such as `translate.translate_text`. botocore checks
    `params` against the service model before anything is sent, so a malformed request raises
    `ParamValidationError` here exactly as it would against AWS. moto then answers, or says that
    it does not implement the operation (for a whole service such as Amazon Translate, or one
    call such as Comprehend's `DetectDominantLanguage`): `send` returns None in that case and
    the example says what the real service returns. Against a real account every error is raised.
    """
    from botocore.exceptions import ClientError

    try:
        return operation(**params)
    except NotImplementedError:
        if live():
            raise
        return None
    except ClientError as error:
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if live() or status != 404 or "not yet implemented" not in str(error).lower():
            raise
        return None
