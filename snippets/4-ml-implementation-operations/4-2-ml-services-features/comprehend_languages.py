"""Amazon Comprehend across languages: detect the language, then route each review.

Product reviews arrive in six languages. Comprehend detects the dominant language of each; a
review in one of the languages Comprehend's sentiment model supports goes straight to
DetectSentiment with that language code, and any other review is translated to English with
Amazon Translate first. The plan is built from the language list in the API model, then sent.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (Comprehend and Translate bill per character; this file sends under 2,000).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:reviews]
import boto3
from mlsguide import aws

comprehend = boto3.client("comprehend")
translate = boto3.client("translate")
# (storefront, review): the storefront is where the review was posted, not its language
REVIEWS = [
    ("uk", "The blender is powerful and surprisingly quiet. Delivery took two days."),
    ("es", "La batidora llegó rota y el servicio de atención no respondió."),
    ("fr", "Très bon rapport qualité-prix, je la recommande à tous mes amis."),
    ("de", "Das Gerät ist laut, aber es macht hervorragende Smoothies."),
    ("nl", "De blender is na een week kapot gegaan. Erg teleurgesteld."),
    ("se", "Fantastisk mixer, enkel att rengöra och snygg design."),
]
STOREFRONT_LANGUAGE = {"uk": "en", "es": "es", "fr": "fr", "de": "de", "nl": "nl", "se": "sv"}
print(f"{len(REVIEWS)} reviews from storefronts {[s for s, _ in REVIEWS]}")
# --8<-- [end:reviews]

# --8<-- [start:detect]
languages = []
for storefront, text in REVIEWS:
    found = aws.send(comprehend.detect_dominant_language, Text=text)
    if found:   # AWS: a list of candidate languages, each with a confidence score
        best = max(found["Languages"], key=lambda lang: lang["Score"])
        languages.append(best["LanguageCode"])
    else:       # the emulator does not implement DetectDominantLanguage
        languages.append(STOREFRONT_LANGUAGE[storefront])
source = "DetectDominantLanguage" if found else "the storefront (emulator lacks the API)"
print("languages from", source + ":", languages)
assert languages == ["en", "es", "fr", "de", "nl", "sv"]
# --8<-- [end:detect]

# --8<-- [start:route]
SENTIMENT_LANGUAGES = set(comprehend.meta.service_model.shape_for("LanguageCode").enum)
print("DetectSentiment accepts:", sorted(SENTIMENT_LANGUAGES))


def plan(language):
    """The calls one review needs: sentiment directly, or translation to English first."""
    if language in SENTIMENT_LANGUAGES:
        return [("DetectSentiment", language)]
    return [("TranslateText", f"{language}->en"), ("DetectSentiment", "en")]


for language in languages:
    print(f"  {language}: " + "  then  ".join(f"{call}({arg})" for call, arg in plan(language)))
assert plan("nl")[0][0] == "TranslateText" and plan("sv")[0][0] == "TranslateText"
assert plan("de") == [("DetectSentiment", "de")]
# --8<-- [end:route]

# --8<-- [start:analyse]
sentiments = []
for (_, text), language in zip(REVIEWS, languages, strict=True):
    if language not in SENTIMENT_LANGUAGES:
        translated = aws.send(translate.translate_text, Text=text,
                              SourceLanguageCode=language, TargetLanguageCode="en")
        if translated is None:      # moto has no Amazon Translate
            print(f"  {language}: TranslateText sent and validated; the emulator has no Translate")
            continue
        text, language = translated["TranslatedText"], "en"
    result = comprehend.detect_sentiment(Text=text, LanguageCode=language)
    scores = result["SentimentScore"]
    print(f"  {language}: {result['Sentiment']:8s} positive {scores['Positive']:.2f} "
          f"negative {scores['Negative']:.2f}")
    sentiments.append(result["Sentiment"])
assert set(sentiments) <= {"POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"}
if not aws.live():
    assert set(sentiments) == {"NEUTRAL"}, "moto answers every text with the same canned scores"
# --8<-- [end:analyse]
