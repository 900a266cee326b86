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

// jsdom has no layout: `offsetParent` is always null and <body> measures 0 × 0 — what every browser reports
// only for content that is not rendered. Fluent's focus management (tabster) reads both to decide what is
// visible. Without them, opening a Dialog finds nothing focusable, focus stays on the surface itself, and
// tabster marks the whole dialog aria-hidden 250 ms later: a test then passes or fails by how fast the
// machine is. Report what a browser would: a parent for shown elements, and a body the size of the window.
if (typeof window !== 'undefined' && typeof HTMLElement !== 'undefined') {
  // Cheap on purpose (no getComputedStyle, which is slow in jsdom and is read for every focus move):
  // the `hidden` attribute and inline display: none are what the pages use to take content away.
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this === document.body || this === document.documentElement) return null;
      const parent = this.parentElement;
      for (let e: HTMLElement | null = parent; e; e = e.parentElement) {
        if (e.hidden || e.style.display === 'none') return null;
      }
      return this.hidden || this.style.display === 'none' ? null : parent;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function (this: HTMLBodyElement): DOMRect {
    const { innerWidth: width, innerHeight: height } = window;
    return { x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) };
  };
}
