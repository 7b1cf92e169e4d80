"""A Lambda Runtime API client loop, as Lambda's Python runtime runs one: import the handler named by
_HANDLER (init), then for ever take the next event, call the handler, post its result.
"Using the Lambda runtime API for custom runtimes", Lambda Developer Guide."""
import http.client
import importlib
import json
import os
import sys

BASE = "/2018-06-01/runtime"
connection = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"])


def request(method, route, body=None):
    headers = {} if body is None else {"Content-Type": "application/json"}
    if body is not None:
        body = body.encode("utf-8")
    connection.request(method, BASE + route, body=body, headers=headers)
    response = connection.getresponse()
    return response.headers, response.read()


def error_document(error):
    return json.dumps({"errorType": type(error).__name__, "errorMessage": str(error)})


try:
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    module_name, function_name = os.environ["_HANDLER"].rsplit(".", 1)
    handler = getattr(importlib.import_module(module_name), function_name)
except Exception as error:  # an init error is reported, whatever it is
    request("POST", "/init/error", error_document(error))
    sys.exit(1)

while True:
    headers, body = request("GET", "/invocation/next")
    request_id = headers["Lambda-Runtime-Aws-Request-Id"]
    try:
        result = handler(json.loads(body), None)
        request("POST", "/invocation/%s/response" % request_id, json.dumps(result))
    except Exception as error:  # the handler's error goes to the Runtime API, the loop goes on
        request("POST", "/invocation/%s/error" % request_id, error_document(error))
