"""Amazon Polly: choose a voice by language and engine, teach it a pronunciation, speak SSML.

Lists the British English voices and the engines each supports, stores a pronunciation lexicon,
and synthesises a short SSML message with a neural voice and that lexicon, counting the
characters Polly bills (SSML tags are free). The last section deletes the lexicon.

Runs against the moto emulator by default; set MLSGUIDE_LIVE_AWS=1 to run it against your own
account (Polly bills per character synthesised; this file sends about a hundred).
"""

from mlsguide import aws

aws.activate()

# --8<-- [start:voices]
import re

import boto3
from mlsguide import aws

polly = boto3.client("polly")
voices = polly.describe_voices(LanguageCode="en-GB")["Voices"]
for voice in sorted(voices, key=lambda v: v["Id"]):
    print(f"{voice['Id']:8s} {voice['Gender']:7s} engines: {', '.join(voice['SupportedEngines'])}")
neural = sorted(v["Id"] for v in voices if "neural" in v["SupportedEngines"])
print("neural voices for en-GB:", neural)
assert neural, "at least one British English voice has a neural engine"
generative = [v["Id"] for v in voices if "generative" in v["SupportedEngines"]]
assert generative == ["Amy"] or aws.live()
engines = polly.meta.service_model.shape_for("Engine").enum
print("engines in the API model:", engines)
assert {"standard", "neural", "long-form", "generative"} <= set(engines)
# --8<-- [end:voices]

# --8<-- [start:lexicon]
LEXICON = """<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="en-GB">
  <lexeme><grapheme>MLS-C01</grapheme><alias>the Machine Learning Specialty exam</alias></lexeme>
</lexicon>"""
polly.put_lexicon(Name="mlsguide", Content=LEXICON)
stored = polly.get_lexicon(Name="mlsguide")["LexiconAttributes"]
print(f"lexicon mlsguide: {stored['LexemesCount']} lexeme, {stored['LanguageCode']}, "
      f"alphabet {stored['Alphabet']}")
assert stored["LexemesCount"] == LEXICON.count("<lexeme>") == 1
# --8<-- [end:lexicon]

# --8<-- [start:ssml]
SSML = """<speak>
  Your <sub alias="M L">ML</sub> results are ready.
  <break time="400ms"/>
  <s>You passed MLS-C01.</s>
  <prosody rate="slow">Well done.</prosody>
</speak>"""   # tags neural voices accept: no <emphasis>, no prosody pitch
voice = neural[0]
response = polly.synthesize_speech(
    Text=SSML, TextType="ssml",            # markup, not plain text
    VoiceId=voice, Engine="neural",         # a voice the neural engine supports
    LexiconNames=["mlsguide"],              # applied before synthesis; up to 5 per request
    OutputFormat="mp3",
)
audio = response["AudioStream"].read()
billed = len(re.sub(r"<[^>]+>", "", SSML).strip())   # tags are not billed characters
print(f"{voice}: {response['ContentType']}, {len(audio)} bytes of audio")
print(f"characters sent {len(SSML)}, billed {billed} (limit 3,000 billed per request)")
assert billed < len(SSML) and billed <= 3_000
assert aws.live() or len(audio) == 8, "moto's placeholder audio"
max_lexicons = polly.meta.service_model.shape_for("LexiconNameList").metadata["max"]
print("lexicons per request, from the API model:", max_lexicons)
assert max_lexicons == 5
# --8<-- [end:ssml]

# --8<-- [start:cleanup]
# Clean-up: delete the lexicon
polly.delete_lexicon(Name="mlsguide")
print("lexicons left:", [x["Name"] for x in polly.list_lexicons()["Lexicons"]])
# --8<-- [end:cleanup]
