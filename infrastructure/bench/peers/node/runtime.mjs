// A Lambda Runtime API client loop, as Lambda's Node.js runtime runs one: load the handler named by
// _HANDLER (init), then for ever take the next event, call the handler, post its result.
// "Using the Lambda runtime API for custom runtimes", Lambda Developer Guide.
import http from 'node:http';
import path from 'node:path';

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const base = '/2018-06-01/runtime';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(method, route, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: base + route, agent,
      headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function errorDocument(error) {
  return JSON.stringify({ errorType: error?.name ?? 'Error', errorMessage: String(error?.message ?? error) });
}

let handler;
try {
  const [moduleName, exportName] = process.env._HANDLER.split('.');
  handler = (await import(path.join(process.env.LAMBDA_TASK_ROOT, moduleName + '.mjs')))[exportName];
  if (typeof handler !== 'function') {
    throw new Error(`${process.env._HANDLER} is not a function`);
  }
} catch (error) {
  await request('POST', '/init/error', errorDocument(error));
  process.exit(1);
}

for (;;) {
  const next = await request('GET', '/invocation/next');
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  const context = {
    awsRequestId: requestId,
    invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    getRemainingTimeInMillis: () => Number(next.headers['lambda-runtime-deadline-ms']) - Date.now(),
  };
  try {
    const result = await handler(JSON.parse(next.body), context);
    await request('POST', `/invocation/${requestId}/response`, JSON.stringify(result));
  } catch (error) {
    await request('POST', `/invocation/${requestId}/error`, errorDocument(error));
  }
}
