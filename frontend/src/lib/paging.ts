/** A page of a cursor-paginated list, as every list endpoint of the API returns it. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * Every item of a cursor-paginated list, for the short reference lists a form chooses from
 * (transaction terms, tax rates, categories…). Stops after `maxPages` as a safety net.
 */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await fetchPage(cursor);
    items.push(...answer.items);
    if (!answer.next_cursor) break;
    cursor = answer.next_cursor;
  }
  return items;
}
