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

// jsdom has no layout and no ResizeObserver; every browser the add-in runs in has one (Fluent's MessageBar
// actions observe their width). A no-op observer is what a layout-less page would report: nothing resizes.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as Record<string, unknown>).ResizeObserver = NoLayoutResizeObserver;
  g.ResizeObserver ??= NoLayoutResizeObserver;
}
