/**
 * jsdom test environments lack some globals every browser and Node have; give them Node's own.
 * (Only fills what is missing, so node-environment tests are untouched.)
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, unknown>;
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
