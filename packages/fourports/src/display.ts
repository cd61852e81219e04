/**
 * The Jupyter display protocol of JavaScript kernels (Deno's `deno jupyter`): a value with a
 * method under `Symbol.for("Jupyter.display")` is shown as the MIME bundle that method returns
 * (HTML, SVG, plain text: the front end picks the richest it can draw) instead of as inspected
 * text. The method is attached as a non-enumerable, symbol-keyed property, so the result stays
 * plain data: `JSON.stringify`, `structuredClone`, `Object.keys` and spreading ignore it.
 */

/** The key Deno's Jupyter kernel looks up (`Deno.jupyter.$display` is the same symbol). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as typeof JUPYTER_DISPLAY;

/** What a value shows as in a notebook, by MIME type. `text/plain` is always there (terminals, logs). */
export interface MimeBundle {
  /** What a plain-text front end shows (always present). */
  "text/plain": string;
  /** An HTML fragment (tables, inline SVG), no script. */
  "text/html"?: string;
  /** A standalone SVG chart. */
  "image/svg+xml"?: string;
  /** The same content as Markdown. */
  "text/markdown"?: string;
}

/** A value that carries its own notebook rendering (see {@link JUPYTER_DISPLAY}). */
export type Displayable<T extends object> = T & {
  /** Renders the value as a MIME bundle when the kernel displays it. */
  readonly [JUPYTER_DISPLAY]: () => MimeBundle;
};

/**
 * Attaches a Jupyter display method to `value` (in place, non-enumerable) and returns it.
 * The bundle is rendered when the kernel asks, not before, so a result nobody displays costs
 * nothing; `render` must not change `value`.
 */
export function withDisplay<T extends object>(value: T, render: (value: T) => MimeBundle): Displayable<T> {
  Object.defineProperty(value, JUPYTER_DISPLAY, { value: () => render(value), enumerable: false, writable: false, configurable: true });
  return value as Displayable<T>;
}

/**
 * The MIME bundle a value displays as, or null when it has no display method. For kernels
 * that do not look the symbol up (tslab: `tslab.display.html(mimeBundle(r)!["text/html"]!)`)
 * and for tests.
 */
export function mimeBundle(value: unknown): MimeBundle | null {
  if (value === null || typeof value !== "object") return null;
  const show = (value as { [JUPYTER_DISPLAY]?: unknown })[JUPYTER_DISPLAY];
  return typeof show === "function" ? (show.call(value) as MimeBundle) : null;
}
