"""Amazon Translate: a custom terminology and a translation request that uses it.

Imports a small CSV terminology so that brand names survive translation, then asks for a
formal, profanity-masked German translation with automatic source-language detection. moto
has no Translate, so each request is validated by botocore and sent, and the emulator's
refusal is printed; one malformed request shows botocore stopping it before it is sent.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (Translate bills per character; the last section deletes the terminology).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:terminology]
import boto3
from mlsguide import aws

translate = boto3.client("translate")
TERMS_CSV = "en,de,fr\nNutri-Blend,Nutri-Blend,Nutri-Blend\nsmoothie,Smoothie,smoothie\n"
imported = aws.send(
    translate.import_terminology,
    Name="mlsguide-brand-terms",
    MergeStrategy="OVERWRITE",
    TerminologyData={"File": TERMS_CSV.encode(), "Format": "CSV",
                     "Directionality": "MULTI"},   # any column can be the source
)
print("ImportTerminology:", "imported" if imported else "validated and sent; "
      "the emulator has no Translate")
# --8<-- [end:terminology]

# --8<-- [start:translate]
request = dict(
    Text="Your Nutri-Blend is on its way. Thanks for shopping with us!",
    SourceLanguageCode="auto",                    # Translate asks Comprehend for the language
    TargetLanguageCode="de",
    TerminologyNames=["mlsguide-brand-terms"],    # at most one terminology per request
    Settings={"Formality": "FORMAL", "Profanity": "MASK"},
)
result = aws.send(translate.translate_text, **request)
if result:
    print(result["SourceLanguageCode"], "->", result["TargetLanguageCode"], ":",
          result["TranslatedText"])
    print("applied:", [t["Name"] for t in result.get("AppliedTerminologies", [])])
else:
    print("TranslateText validated and sent; the emulator has no Translate")
settings = translate.meta.service_model.shape_for("TranslationSettings")
print("settings the API accepts:", {name: shape.enum for name, shape in settings.members.items()})
assert settings.members["Formality"].enum == ["FORMAL", "INFORMAL"]
# --8<-- [end:translate]

# --8<-- [start:invalid]
from botocore.exceptions import ParamValidationError

try:
    translate.translate_text(**{**request, "Text": ""})
except ParamValidationError as error:
    print("refused before sending:", str(error).splitlines()[-1])
# --8<-- [end:invalid]

# --8<-- [start:cleanup]
# Clean-up: delete the terminology (a no-op in the emulator)
deleted = aws.send(translate.delete_terminology, Name="mlsguide-brand-terms")
print("DeleteTerminology:", "deleted" if deleted else "validated and sent")
# --8<-- [end:cleanup]
