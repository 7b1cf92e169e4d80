"""The Python peer: what a Python function on this route would do at least. Init builds the client
(region, credentials and endpoint given, as the Java functions do); each event is one GetItem."""
import os

import boto3

client = boto3.client(
    "dynamodb",
    region_name=os.environ["AWS_REGION"],
    endpoint_url=os.environ["AWS_ENDPOINT_URL_DYNAMODB"],
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)


def get_item(event, context):
    output = client.get_item(TableName=os.environ["TABLE_NAME"], Key={"slug": {"S": event["pathParameters"]["slug"]}})
    return {"statusCode": 200 if "Item" in output else 404, "headers": {"content-type": "application/json"}, "body": "{}"}


def do_nothing(event, context):
    """Does nothing: what the runtime loop and the Runtime API cost by themselves."""
    return {"statusCode": 200, "body": "{}"}
