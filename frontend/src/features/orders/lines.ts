import type { Line } from './OrderParts';

/**
 * A text of the lines (message to the brand, internal note) once per product: every SKU line
 * of a cart item carries the same one. Named by product only.
 */
export function uniqueTexts(lines: Line[], text: (line: Line) => string) {
  const seen = new Set<string>();
  const entries: { line: Line; text: string }[] = [];
  for (const line of lines) {
    const value = text(line);
    const key = `${line.product_id ?? line.product_name}|${value}`;
    if (value.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    entries.push({ line: { ...line, sku_label: '', sku_code: '' }, text: value });
  }
  return entries;
}
