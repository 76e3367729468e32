'use strict';
// The other side of NpmSchemaRegistryCompatIT: kafkajs' Confluent Schema Registry client, an
// implementation of the wire format and the registry API written independently of ours.
//
//   node compat.js encode <registry-url> <subject> <schema-file> <record-json-file>
//       registers the schema under the subject, encodes the record; prints {"id":N,"hex":"..."}
//   node compat.js decode <registry-url> <hex>
//       decodes a framed record (fetching its writer schema by id); prints the record as JSON
//
// avsc knows no logical types unless told: timestamp-millis and date travel as plain numbers.
const fs = require('fs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main(argv) {
  const [mode, host, ...rest] = argv;
  // No retries: the Java side asserts on every request the client makes.
  const registry = new SchemaRegistry({ host, retry: { retries: 0 } });
  if (mode === 'encode') {
    const [subject, schemaFile, recordFile] = rest;
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
    // kafkajs names subjects <namespace>.<name> unless told: pass the TopicNameStrategy subject.
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    const encoded = await registry.encode(id, record);
    return { id, hex: encoded.toString('hex') };
  }
  if (mode === 'decode') {
    const [hex] = rest;
    return registry.decode(Buffer.from(hex, 'hex'));
  }
  throw new Error('usage: compat.js encode|decode <registry-url> ...');
}

main(process.argv.slice(2))
  .then((result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
  })
  .catch((error) => {
    process.stderr.write(String((error && error.stack) || error) + '\n');
    process.exitCode = 1;
  });
