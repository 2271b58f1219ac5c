/** "1 task", "3 tasks": a count with its noun, for messages people read. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
