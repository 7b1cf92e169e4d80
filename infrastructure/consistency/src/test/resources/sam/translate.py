"""Runs the official SAM translator (aws-sam-translator, the library `sam deploy` and CloudFormation's
AWS::Serverless transform use) on a template: prints the CloudFormation JSON, or the translator's
errors on stderr with exit code 2. Arguments: the template file, the parameter values as JSON."""
import json
import sys

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no managed policy, so none is looked up (the real loader calls IAM)."""

    def load(self):
        return {}


def packaged(template):
    """What `sam deploy` (its package step) does before the transform: local CodeUris become S3 URIs."""
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        code = properties.get("CodeUri")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(code, str) and not code.startswith("s3://"):
            properties["CodeUri"] = "s3://sam-package-bucket/" + code
    return template


with open(sys.argv[1], encoding="utf-8") as source:
    template = packaged(yaml_parse(source.read()))
try:
    translated = transform(template, json.loads(sys.argv[2]), NoManagedPolicies())
except InvalidDocumentException as e:
    print("\n".join(cause.message for cause in e.causes), file=sys.stderr)
    sys.exit(2)
json.dump(translated, sys.stdout)
