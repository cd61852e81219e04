import { escapeHtml } from "./escape.js";

/** Attribute values of an element; undefined and false leave the attribute out. */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** Coordinates rounded to 0.1 px: smaller files, and the same text for the same figure. */
export const px = (v: number): number => Math.round(v * 10) / 10;

/** An element as text; every attribute value is escaped, children are already markup. */
export function el(tag: string, attrs: Attrs, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(typeof v === "number" ? String(px(v)) : String(v))}"`))
    .join("");
  return children.length ? `<${tag}${a}>${children.join("")}</${tag}>` : `<${tag}${a}/>`;
}

/** A text element whose content is escaped data. */
export const text = (attrs: Attrs, content: string): string => el("text", attrs, escapeHtml(content));

/** A hover tooltip (SVG `<title>`) with escaped content. */
export const tip = (content: string): string => el("title", {}, escapeHtml(content));

/** An SVG root with a viewBox, so the figure scales with the page. */
export function svgRoot(cls: string, width: number, height: number, label: string, ...children: string[]): string {
  return el("svg", { xmlns: "http://www.w3.org/2000/svg", class: cls, viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label }, ...children);
}

/** Colours of the port groups and modes (colour-blind-safe Okabe–Ito). */
export const PORT_COLOUR: Record<string, string> = { air: "#0072B2", rail: "#D55E00", road: "#009E73", water: "#56B4E9" };
/** Colours of the modes on the flow map. */
export const MODE_COLOUR: Record<string, string> = { air: "#0072B2", rail: "#D55E00", hsr: "#CC79A7", road: "#009E73", river: "#56B4E9", sea: "#004E7A" };

/** Font stack with CJK fallbacks, so hub names in Chinese are drawn wherever the system has a CJK font. */
export const FONT = `system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;
