// Validates an AsyncAPI document with the official parser; prints the diagnostics as JSON, exits 1 on any error.
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2];
const { document, diagnostics } = await new Parser().parse(readFileSync(file, 'utf8'));
const describe = (d) => ({ code: d.code, message: d.message, path: d.path.join('.') });
const errors = diagnostics.filter((d) => d.severity === 0).map(describe);
const warnings = diagnostics.filter((d) => d.severity === 1).map(describe);
console.log(JSON.stringify({ parsed: document !== undefined, errors, warnings }));
process.exit(errors.length > 0 || document === undefined ? 1 : 0);
