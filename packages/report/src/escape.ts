const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text from a result (hub names, titles, ids) as HTML/SVG text or attribute content: the five
 * characters that could end a text node or an attribute become entities, so a hub named
 * `<script>` is drawn as that name and never runs.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
