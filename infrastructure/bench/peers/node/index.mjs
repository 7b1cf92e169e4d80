// The Node.js peer: what a Node function on this route would do at least. Init builds the client
// (region, credentials and endpoint given, as the Java functions do); each event is one GetItem.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});

export const getItem = async (event) => {
  const output = await client.send(new GetItemCommand({
    TableName: process.env.TABLE_NAME,
    Key: { slug: { S: event.pathParameters.slug } },
  }));
  return { statusCode: output.Item ? 200 : 404, headers: { 'content-type': 'application/json' }, body: '{}' };
};

// Does nothing: what the runtime loop and the Runtime API cost by themselves.
export const doNothing = async () => ({ statusCode: 200, body: '{}' });
